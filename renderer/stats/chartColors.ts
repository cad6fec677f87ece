import { useEffect, useState } from 'react';

/** uPlot draws on a canvas, so it needs concrete colours: read them from the theme's CSS variables. */
export interface ChartColors {
  text: string;
  /** The card behind the chart. */
  surface: string;
  muted: string;
  grid: string;
  bar: string;
  /** Standing at a sit-stand desk, stacked on the sitting bars (DESIGN.md §7). */
  standing: string;
  line: string;
  goal: string;
}

function read(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#222'),
    surface: v('--surface', '#fff'),
    muted: v('--muted', '#555'),
    grid: v('--grid', '#ddd'),
    bar: v('--chart-1', '#1f6f5c'),
    standing: v('--chart-standing', '#8e6fd8'),
    line: v('--chart-2', '#6d4bb8'),
    goal: v('--goal', '#b45309'),
  };
}

/** The theme's chart colours, re-read when the OS switches between light and dark. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const on = () => setColors(read());
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return colors;
}

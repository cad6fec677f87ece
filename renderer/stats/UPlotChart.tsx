import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

/**
 * One uPlot chart, sized to its container. `build` makes the options for a width; the chart is
 * rebuilt when `build` or `data` change (they are memoised by the caller) and resized in place.
 */
export function UPlotChart({ build, data, label, testId }: { build: (width: number) => uPlot.Options; data: uPlot.AlignedData; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    const chart = new uPlot(build(width()), data, el);
    // uPlot's canvas is invisible to screen readers; the figure's caption and summary speak for it.
    chart.root.setAttribute('aria-hidden', 'true');
    let last = width();
    const ro = new ResizeObserver(() => {
      const w = width();
      if (w !== last) {
        last = w;
        chart.setSize({ width: w, height: chart.height });
      }
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [build, data]);
  return <div ref={box} className="chart" data-testid={testId} aria-label={label} role="img" />;
}

import { useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';

/**
 * One uPlot chart, sized to its container. `build` makes the options for a width; the chart is
 * rebuilt when `build` or `data` change (they are memoised by the caller) and resized in place.
 * Built in a layout effect, before the browser paints: in a plain effect the page was first laid
 * out and painted with empty chart boxes, then laid out and painted again with the charts.
 */
export function UPlotChart({ build, data, label, testId }: { build: (width: number) => uPlot.Options; data: uPlot.AlignedData; label: string; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // Reading the width lays the page out; read it once, before uPlot adds to the page.
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    let last = width();
    const chart = new uPlot(build(last), data, el);
    // uPlot's canvas is invisible to screen readers; the figure's caption and summary speak for it.
    chart.root.setAttribute('aria-hidden', 'true');
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

import { useEffect, useRef, useState } from 'react';
import { hexRow, hexRowCount } from './formatPayload';

const ROW_H = 18;
const OVERSCAN = 10;

/** `offset | hex | ascii` dump; only the rows in view are rendered, so megabyte payloads stay cheap. */
export function HexDump({ data }: { data: Uint8Array }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    return () => ro.disconnect();
  }, []);
  const count = hexRowCount(data);
  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_H) + OVERSCAN);
  const rows = [];
  for (let r = first; r < last; r++) {
    const { offset, hex, ascii } = hexRow(data, r);
    rows.push(
      <div key={r} className="hex-row" style={{ transform: `translateY(${r * ROW_H}px)` }}>
        <span className="hex-offset">{offset}</span>
        <span className="hex-bytes">{hex}</span>
        <span className="hex-ascii">{ascii}</span>
      </div>,
    );
  }
  return (
    <div className="hex-dump" ref={ref} data-testid="inspector-hex" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      {count === 0 ? <div className="empty">Empty payload.</div> : <div style={{ height: count * ROW_H, position: 'relative', minWidth: 610 }}>{rows}</div>}
    </div>
  );
}

/** Before and after, one over the other: a slider (keyboard too) reveals the source on the left. */
import { type ReactNode, useState } from 'react';

interface CompareSliderProps {
  before: string;
  /** The result picture, filling the frame. */
  after: ReactNode;
}

export function CompareSlider({ before, after }: CompareSliderProps) {
  const [split, setSplit] = useState(0);
  return (
    <div className="absolute inset-0">
      {after}
      <img
        src={before}
        alt=""
        aria-hidden="true"
        className="absolute inset-0 h-full w-full object-cover"
        style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}
      />
      {split > 0 && <span aria-hidden="true" className="absolute inset-y-0 w-0.5 bg-accent" style={{ left: `${split}%` }} />}
      <label className="absolute inset-x-3 bottom-2 flex items-center gap-2 rounded-md bg-canvas/80 px-2 py-1 text-xs">
        <span>Before</span>
        <input
          type="range"
          min={0}
          max={100}
          value={split}
          onChange={(event) => setSplit(Number(event.target.value))}
          aria-label="Compare with the source: before on the left"
          aria-valuetext={`${split}% source`}
          className="min-h-6 flex-1 accent-accent"
        />
        <span>After</span>
      </label>
    </div>
  );
}

/** What a page says while files are dragged over it: where they go when dropped. */
export function DropOverlay({ message }: { message: string }) {
  return (
    <div aria-hidden="true" className="pointer-events-none fixed inset-2 z-50 flex items-center justify-center rounded-xl border-2 border-dashed border-accent bg-canvas/85 p-6 text-center">
      <p className="max-w-sm text-lg font-semibold">{message}</p>
    </div>
  );
}

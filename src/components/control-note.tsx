/** A control the model in use cannot take, named with the reason, in place of the control itself. */
export function ControlNote({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <p className="mb-1 text-sm font-medium">{label}</p>
      <p className="text-xs text-muted">{text}</p>
    </div>
  );
}

/** The studio's buttons: one look per role, so every page's actions read alike. */
import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'large' | 'primary' | 'secondary' | 'small';

const VARIANTS: Record<ButtonVariant, string> = {
  /** A page's main action: Generate, Transform, Animate. */
  large: 'flex min-h-12 items-center justify-center gap-3 rounded-lg bg-accent px-4 font-semibold text-accent-fg hover:brightness-110 disabled:opacity-60',
  primary: 'inline-flex min-h-11 items-center justify-center rounded-md bg-accent px-4 text-sm font-semibold text-accent-fg hover:brightness-110 disabled:opacity-60',
  secondary: 'inline-flex min-h-11 items-center justify-center rounded-md border border-line px-3 text-sm font-medium hover:border-accent disabled:opacity-50',
  small: 'inline-flex min-h-9 items-center rounded-md border border-line bg-panel/90 px-3 text-xs font-medium hover:text-accent disabled:opacity-50',
};

/** The classes of a button variant, for links that look like buttons. */
export const buttonClass = (variant: ButtonVariant = 'secondary', extra = '') => `${VARIANTS[variant]}${extra ? ` ${extra}` : ''}`;

export function Button({ variant = 'secondary', className, type = 'button', ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}

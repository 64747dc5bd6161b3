import type { SVGProps } from 'react';

/** A push pin, drawn like the icons in ui/icons.tsx (stroke, currentColor, hidden from assistive tech). */
export const PinIcon = ({ filled, ...p }: SVGProps<SVGSVGElement> & { filled?: boolean }) => (
  <svg
    width={18}
    height={18}
    viewBox="0 0 24 24"
    fill={filled ? 'currentColor' : 'none'}
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
    focusable={false}
    {...p}
  >
    <path d="M9 4h6l-1 6 4 4H6l4-4zM12 14v7" />
  </svg>
);

/**
 * A handful of stroke icons as inline SVG: glyphs like ⚙ or ⤓ are missing from some system fonts,
 * and image files would be one more request for the CSP to allow.
 */
const paths = {
  plus: 'M8 3v10M3 8h10',
  // Eight teeth around a hub: read as a gear at 16 px, where rays around a circle read as a sun.
  gear: 'M13 6.23L14.96 6.59L14.96 9.41L13 9.77L12.78 10.28L13.92 11.92L11.92 13.92L10.28 12.78L9.77 13L9.41 14.96L6.59 14.96L6.23 13L5.72 12.78L4.08 13.92L2.08 11.92L3.22 10.28L3 9.77L1.04 9.41L1.04 6.59L3 6.23L3.22 5.72L2.08 4.08L4.08 2.08L5.72 3.22L6.23 3L6.59 1.04L9.41 1.04L9.77 3L10.28 3.22L11.92 2.08L13.92 4.08L12.78 5.72ZM10.2 8a2.2 2.2 0 1 1-4.4 0 2.2 2.2 0 0 1 4.4 0z',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3',
  more: 'M3.5 8h.01M8 8h.01M12.5 8h.01',
  star: 'M8 2l1.8 3.8 4.2.5-3.1 2.9.8 4.1L8 11.3 4.3 13.3l.8-4.1L2 6.3l4.2-.5z',
  download: 'M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10',
  close: 'M4 4l8 8M12 4l-8 8',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={name === 'more' ? 2.6 : name === 'gear' ? 1.2 : 1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}

/** The product mark: a gold star on Party red. */
export function AppMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#b71c1c" />
      <path d="M16 6l2.6 6.9 7.4.3-5.8 4.6 2 7.1L16 20.8 9.8 24.9l2-7.1L6 13.2l7.4-.3z" fill="#ffd54f" />
    </svg>
  );
}

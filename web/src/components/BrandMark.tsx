/** The layered "strata" logo; decorative, the product name sits beside it. */
export function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M7 21h18M7 16h18M7 11h18" stroke="#38bdf8" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

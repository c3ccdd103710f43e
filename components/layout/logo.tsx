export function Logo({ size = "md" }: { size?: "md" | "lg" }) {
  const box = size === "lg" ? "h-10 w-10" : "h-7 w-7";
  return (
    <span className="inline-flex items-center gap-2">
      <svg viewBox="0 0 32 32" className={box} aria-hidden>
        <rect width="32" height="32" rx="7" className="fill-brand-600" />
        <circle cx="9" cy="10" r="3" fill="white" />
        <circle cx="23" cy="10" r="3" fill="white" />
        <circle cx="16" cy="23" r="3.5" fill="white" />
        <path d="M9 10 L16 23 L23 10" stroke="white" strokeWidth="1.8" fill="none" />
      </svg>
      <span
        className={`font-semibold tracking-tight text-slate-900 ${size === "lg" ? "text-2xl" : "text-lg"}`}
      >
        Trustmap
      </span>
    </span>
  );
}

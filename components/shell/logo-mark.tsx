export function LogoMark({ small = false }: { small?: boolean }) {
  const size = small ? "h-7 w-7 text-sm" : "h-10 w-10 text-lg";
  return (
    <span aria-hidden className={`inline-flex ${size} items-center justify-center rounded-lg bg-brand-600 font-bold text-white shadow-sm`}>
      R
    </span>
  );
}

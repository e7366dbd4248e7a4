/** A situation's code as it is printed (S-2026-001). */
export const CODE_PATTERN = /([A-Z]-\d{4}-\d{3,})/;

/** Text where each situation code is kept on one line: a code never breaks at its hyphen. */
export function WithCodes({ text }: { text: string }) {
  return (
    <>
      {text.split(CODE_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <span className="code" key={index}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

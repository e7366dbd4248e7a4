import type { ItemSession } from '../../api';

/** Who is in the room for an item: name and structure (never anything about the person). */
export function PresentMembers({ present }: { present: ItemSession['present'] }) {
  return (
    <ul>
      {present.map((m) => (
        <li key={m.memberId}>
          {m.displayName} — {m.structureName}
        </li>
      ))}
    </ul>
  );
}

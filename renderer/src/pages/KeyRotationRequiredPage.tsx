import { useState } from 'react';
import { ApiError, KeyRotation, SessionInfo } from '../api';
import { ErrorAlert } from '../components/Alert';
import { formatDateTime } from '../labels';
import { KeyRotationDone, KeyRotationSection } from './admin/KeyRotation';

/**
 * After a restore that brought back an older key or users disabled since: nothing else until the
 * coordination changes the key (the main process refuses every other call meanwhile).
 */
export function KeyRotationRequiredPage({ session, onDone }: { session: SessionInfo; onDone: () => void }) {
  const [rotation, setRotation] = useState<KeyRotation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const required = session.keyRotationRequired!;
  if (rotation) return <KeyRotationDone rotation={rotation} onDone={onDone} />;
  return (
    <section>
      <h1>Changement de clé obligatoire</h1>
      <p>
        Une sauvegarde a été restaurée le {formatDateTime(required.since)}. Elle remet en place une clé de chiffrement ou des comptes que la
        coordination avait retirés depuis : les anciennes copies du trousseau l’ouvrent à nouveau.
      </p>
      {required.revoked.length > 0 && (
        <>
          <p>Ces comptes, désactivés depuis la sauvegarde, ont été désactivés à nouveau :</p>
          <ul>
            {required.revoked.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      {session.role === 'coordinator' ? (
        <>
          {error && <ErrorAlert error={error} />}
          <KeyRotationSection offer={null} onDismissOffer={() => undefined} onRotated={setRotation} onRefused={setError} />
        </>
      ) : (
        <p>La coordination doit changer la clé de chiffrement avant toute autre opération. Verrouillez et réessayez plus tard.</p>
      )}
    </section>
  );
}

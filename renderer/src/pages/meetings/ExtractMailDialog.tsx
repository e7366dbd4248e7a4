import { api, ExtractDraft } from '../../api';
import { ErrorAlert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import { useApiForm } from '../../components/useApiForm';

interface Props {
  meetingId: number;
  memberId: number;
  draft: ExtractDraft;
  onDone: (message: string) => void;
  onClose: () => void;
}

/**
 * The encrypted extract's draft is written; its password is shown here once, to be read over the
 * telephone. It is in no mail and kept nowhere: closing without giving it means a new draft.
 */
export function ExtractMailDialog({ meetingId, memberId, draft, onDone, onClose }: Props) {
  const { busy, error, submit } = useApiForm();
  return (
    <Modal
      title={`Extrait chiffré pour ${draft.recipientName}`}
      submitLabel="Mot de passe communiqué par téléphone"
      busy={busy}
      cancelConfirmation="Le mot de passe ne sera plus jamais affiché : sans lui, le fichier ne s’ouvre pas et il faudra préparer un nouveau courriel. Fermer quand même ?"
      onCancel={onClose}
      onSubmit={() =>
        void submit(
          () => api.minutes.extractPasswordGiven({ meetingId, memberId }),
          () => onDone(`Extrait pour ${draft.recipientName} : brouillon écrit, mot de passe communiqué.`),
        )
      }
    >
      {error && <ErrorAlert error={error} />}
      <p>
        Le brouillon est écrit : <code>{draft.file}</code>. Ouvrez-le dans votre messagerie : il s’ouvre prêt à envoyer, l’extrait chiffré
        en pièce jointe.
      </p>
      <p>Mot de passe du fichier, affiché une seule fois :</p>
      <p className="recovery-key" aria-label="Mot de passe de l’extrait">
        {draft.password}
      </p>
      <p>
        Communiquez-le à {draft.recipientName} <strong>par téléphone</strong> : il ne figure pas dans le courriel et n’est conservé nulle
        part. Ne l’écrivez pas dans un message.
      </p>
    </Modal>
  );
}

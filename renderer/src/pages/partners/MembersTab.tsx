import { useEffect, useState } from 'react';
import { CATEGORIES, Category, MEMBERSHIPS } from '../../../../electron/shared/vocabulary';
import { of } from '../../grammar';
import { api, CharterVersionSummary, MemberSummary, StructureChoice } from '../../api';
import { SelectField } from '../../components/Field';
import { FilterBar, useListFeedback } from '../../components/ListFrame';
import { Modal } from '../../components/Modal';
import { usePagedList } from '../../components/Pager';
import { saveDocument } from '../../documents';
import { MemberForm } from './MemberForm';
import { SignatureForm } from './SignatureForm';

type Editing =
  | { kind: 'form'; member: MemberSummary | null }
  | { kind: 'sign'; member: MemberSummary }
  | { kind: 'remove'; member: MemberSummary }
  | null;

const NOT_SIGNED = ['CHARTER_NOT_SIGNED', 'CHARTER_NEW_VERSION_NOT_SIGNED'];

/** The member may sign now: the main process says the only thing missing is their signature. */
const awaitsSignature = (member: MemberSummary) =>
  member.charterReasons.length > 0 && member.charterReasons.every((r) => NOT_SIGNED.includes(r.code));

/** G3 as the main process computed it: the badge shows its verdict, never a recomputation. */
export function CharterStatus({ member }: { member: MemberSummary }) {
  const version = member.currentCharterVersion;
  if (member.charterReasons.length === 0) return <span className="badge ok">Signée (v{version})</span>;
  const reasons = member.charterReasons.map((r) => r.message).join(' ');
  if (version === null && member.active) return <span className="badge neutral">Pas de charte adoptée</span>;
  const label = member.charterReasons.some((r) => r.code === 'MEMBER_INACTIVE')
    ? 'Membre désactivé'
    : `À signer${version ? ` (v${version})` : ''}`;
  return (
    <span className="badge warning" title={reasons}>
      {label}
      <span className="visually-hidden"> : {reasons}</span>
    </span>
  );
}

const MAX_STRUCTURE_CHOICES = 300;

export function MembersTab({ canEdit, canRemove }: { canEdit: boolean; canRemove: boolean }) {
  const [filters, setFilters] = useState({ search: '', structureId: '', category: '', charter: '', includeInactive: false });
  const [editing, setEditing] = useState<Editing>(null);
  const [structures, setStructures] = useState<StructureChoice[]>([]);
  const [current, setCurrent] = useState<CharterVersionSummary | null>(null);
  useEffect(() => {
    void api.partners.structureChoices({}).then((r) => r.ok && setStructures(r.value));
    void api.charter.list({}).then((r) => r.ok && setCurrent(r.value.find((v) => v.status === 'current') ?? null));
  }, []);
  const { items, error, reload, pager } = usePagedList(
    (page) =>
      api.partners.pageMembers({
        ...page,
        ...(filters.search ? { search: filters.search } : {}),
        ...(filters.structureId ? { structureId: Number(filters.structureId) } : {}),
        ...(filters.category ? { category: filters.category as Category } : {}),
        ...(filters.charter ? { charter: filters.charter as 'signed' | 'unsigned' } : {}),
        includeInactive: filters.includeInactive,
      }),
    filters,
    'Pages des membres',
  );
  const { done, fail, messages } = useListFeedback(reload, () => setEditing(null));
  const toggle = async (m: MemberSummary) => {
    const result = await api.partners.setMemberActive({ id: m.id, active: !m.active });
    if (result.ok) await done(m.active ? `Fiche ${of(m.displayName)} désactivée.` : `Fiche ${of(m.displayName)} réactivée.`);
    else fail(result.error.message);
  };
  const remove = async (m: MemberSummary) => {
    const result = await api.partners.removeMember({ id: m.id });
    if (!result.ok) return fail(result.error.message);
    await done(
      result.value.outcome === 'deleted'
        ? `Fiche ${of(m.displayName)} supprimée.`
        : `${m.displayName} a signé la charte : la fiche a été désactivée plutôt que supprimée.`,
    );
  };
  const commitment = async (m: MemberSummary) => {
    const result = await api.charter.commitmentPdf({ memberId: m.id });
    if (result.ok) saveDocument(result.value);
    else fail(result.error.message);
  };

  return (
    <>
      <h1>Membres</h1>
      {messages(error)}
      <FilterBar
        label="Filtrer les membres"
        search={filters.search}
        onSearch={(search) => setFilters({ ...filters, search })}
        inactive={{
          id: 'members-inactive',
          label: 'Afficher les membres désactivés',
          checked: filters.includeInactive,
          onChange: (includeInactive) => setFilters({ ...filters, includeInactive }),
        }}
      >
        {/* With hundreds of structures a list of names is no help (and slow to draw): the search finds them by name. */}
        {structures.length <= MAX_STRUCTURE_CHOICES && (
          <SelectField
            label="Structure"
            value={filters.structureId}
            onChange={(structureId) => setFilters({ ...filters, structureId })}
            options={[{ value: '', label: 'Toutes' }, ...structures.map((s) => ({ value: String(s.id), label: s.name }))]}
          />
        )}
        <SelectField
          label="Catégorie"
          value={filters.category}
          onChange={(category) => setFilters({ ...filters, category })}
          options={[{ value: '', label: 'Toutes' }, ...Object.entries(CATEGORIES).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField
          label="Charte"
          value={filters.charter}
          onChange={(charter) => setFilters({ ...filters, charter })}
          options={[
            { value: '', label: 'Tous' },
            { value: 'signed', label: 'Signée' },
            { value: 'unsigned', label: 'À signer' },
          ]}
        />
      </FilterBar>
      {canEdit && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing({ kind: 'form', member: null })}>
            Nouveau membre
          </button>
        </div>
      )}
      {items && items.length === 0 && (
        <p className="empty">
          {filters.search || filters.structureId || filters.category || filters.charter
            ? 'Aucun membre ne correspond à ces critères.'
            : 'Aucun membre pour l’instant — ajoutez-en un ou importez votre annuaire (onglet Import / export).'}
        </p>
      )}
      {items && items.length > 0 && (
        <table className="data">
          <caption className="visually-hidden">Membres des structures partenaires</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Structure</th>
              <th scope="col">Catégorie</th>
              <th scope="col">Type</th>
              <th scope="col">Charte</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>
                  <strong>{m.displayName}</strong>
                  {m.function && <div className="muted">{m.function}</div>}
                  {!m.active && <div className="muted">Fiche désactivée</div>}
                </td>
                <td>
                  {m.structureName}
                  {!m.structureActive && <div className="badge warning">Structure désactivée</div>}
                </td>
                <td>{CATEGORIES[m.category]}</td>
                <td>{MEMBERSHIPS[m.membership]}</td>
                <td>
                  <CharterStatus member={m} />
                </td>
                {canEdit && (
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary small" onClick={() => setEditing({ kind: 'form', member: m })}>
                        Modifier<span className="visually-hidden"> {m.displayName}</span>
                      </button>
                      {current && awaitsSignature(m) && (
                        <button type="button" className="secondary small" onClick={() => setEditing({ kind: 'sign', member: m })}>
                          Enregistrer la signature<span className="visually-hidden"> {of(m.displayName)}</span>
                        </button>
                      )}
                      {current && (
                        <button type="button" className="secondary small" onClick={() => void commitment(m)}>
                          Acte d’engagement (PDF)<span className="visually-hidden"> {of(m.displayName)}</span>
                        </button>
                      )}
                      <button type="button" className="secondary small" onClick={() => void toggle(m)}>
                        {m.active ? 'Désactiver' : 'Réactiver'}
                        <span className="visually-hidden"> {m.displayName}</span>
                      </button>
                      {canRemove && (
                        <button type="button" className="danger small" onClick={() => setEditing({ kind: 'remove', member: m })}>
                          Supprimer<span className="visually-hidden"> {m.displayName}</span>
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pager}
      {editing?.kind === 'form' && (
        <MemberForm
          member={editing.member}
          structures={structures}
          onCancel={() => setEditing(null)}
          onSaved={(m) => void done(`Fiche ${of(m.displayName)} enregistrée.`)}
        />
      )}
      {editing?.kind === 'sign' && current && (
        <SignatureForm
          member={editing.member}
          version={current}
          onCancel={() => setEditing(null)}
          onSaved={(m) => void done(`Signature ${of(m.displayName)} enregistrée.`)}
        />
      )}
      {editing?.kind === 'remove' && (
        <Modal
          title="Supprimer le membre"
          submitLabel="Supprimer"
          danger
          onSubmit={() => void remove(editing.member)}
          onCancel={() => setEditing(null)}
        >
          <p>
            Supprimer {editing.member.displayName} ? S’il ou elle a déjà signé la charte, la fiche sera désactivée plutôt que supprimée.
          </p>
        </Modal>
      )}
    </>
  );
}

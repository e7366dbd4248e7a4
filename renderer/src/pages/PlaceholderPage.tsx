export function PlaceholderPage({ title, description, allowed }: { title: string; description: string; allowed: boolean }) {
  return (
    <section>
      <h1>{title}</h1>
      {allowed ? (
        <>
          <p>{description}</p>
          <p className="muted">Cette rubrique sera disponible dans une prochaine version de l’application.</p>
        </>
      ) : (
        <p>Cette rubrique est réservée à d’autres rôles.</p>
      )}
    </section>
  );
}

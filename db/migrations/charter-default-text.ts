// The charter the app ships as a first draft (version 1), written from the principles of the
// commission project (seed 000, §4.7) and DESIGN §3. The coordinator edits it, then adopts it.
export const DEFAULT_CHARTER_TEXT = `Charte éthique et déontologique de la Commission de réflexion et d’aide pour des personnes en difficulté psychosociale

Préambule
La Commission réunit, dans le cadre du Conseil local de santé mentale du territoire messin, des professionnels de secteurs différents — santé, social, logement, protection juridique — et des représentants d’usagers et d’aidants. Elle analyse ensemble la situation d’une personne dont les difficultés sociales, médicales, économiques et parfois juridiques sont si enchevêtrées qu’aucun acteur ne peut l’aider seul. Chaque membre signe la présente charte avant de participer à une séance ; il la signe à nouveau à chaque nouvelle version.

Article 1 — La personne reste maître de ses décisions
La Commission formule des propositions ; elle ne décide pas à la place de la personne. Les propositions lui sont restituées et son accord est recueilli avant toute action. Elle peut, si elle le souhaite, être présente ou représentée lors de l’examen de sa situation.

Article 2 — Consentement préalable
Aucune situation n’est présentée sans le consentement préalable, libre et éclairé de la personne, ou de son représentant légal lorsqu’elle bénéficie d’une mesure de protection. La personne est informée des catégories d’informations partagées, des professionnels qui en auront connaissance, des supports utilisés et des mesures de sécurité. Elle peut retirer son consentement à tout moment : sa situation est alors retirée de l’ordre du jour.

Article 3 — Secret professionnel et secret partagé
Chaque membre reste tenu au secret professionnel ou à l’obligation de discrétion qui s’attache à sa fonction. Le partage d’informations se limite à ce que la personne a accepté, entre les professionnels qu’elle a autorisés. Un membre dont la catégorie professionnelle ou la structure n’a pas été acceptée par la personne quitte la séance pendant l’examen de sa situation.

Article 4 — Informations strictement nécessaires
Seules sont échangées les informations strictement nécessaires à la compréhension de la situation et à l’élaboration des réponses. Aucun diagnostic médical n’est communiqué. Les documents de séance désignent la personne par un code et non par son nom.

Article 5 — Respect mutuel et absence de hiérarchie
Les membres se reconnaissent des compétences différentes et complémentaires. Aucune institution n’impose sa présence, son analyse ou ses décisions aux autres. Chaque membre s’engage au nom de la structure qu’il représente, dans la limite de ses missions.

Article 6 — Usage des comptes rendus
Les comptes rendus et leurs extraits sont destinés aux seuls membres habilités. Ils ne sont ni diffusés ni reproduits en dehors de la Commission, et ne sont conservés que le temps nécessaire au suivi des actions.

Article 7 — Durée des engagements
Les obligations de secret et de discrétion demeurent après la fin de la participation du membre à la Commission, quelle qu’en soit la cause.

Article 8 — Respect de la charte
Le coordinateur et l’animateur de séance veillent au respect de la présente charte. Tout manquement est signalé au comité de pilotage du Conseil local de santé mentale.`;

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>Moderator console {0}

A run-of-show timer, question queue, run sheet editor and timing reports for live webinars and panels.

Qt {1} · PySide6 {2} · Python {3} · {4}</source>
        <translation>Console du modérateur {0}

Un minuteur de déroulé, une file de questions, un éditeur de conducteur et des rapports de timing pour les webinaires et tables rondes en direct.

Qt {1} · PySide6 {2} · Python {3} · {4}</translation>
    </message>
    <message>
        <source>About the moderator console</source>
        <translation>À propos de la console du modérateur</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Moderator console</source>
        <translation>Console de modération</translation>
    </message>
    <message>
        <source>Cannot open the show</source>
        <translation>Impossible d’ouvrir le direct</translation>
    </message>
</context>
<context>
    <name>AuxTimersDialog</name>
    <message>
        <source>Timers</source>
        <translation>Minuteurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>On the stage</source>
        <translation>Sur l’écran de scène</translation>
    </message>
    <message>
        <source>Timer {0}</source>
        <translation>Minuteur {0}</translation>
    </message>
    <message>
        <source>down</source>
        <translation>à rebours</translation>
    </message>
    <message>
        <source>up</source>
        <translation>en avant</translation>
    </message>
    <message>
        <source>not shown</source>
        <translation>non affiché</translation>
    </message>
    <message>
        <source>a line under the time</source>
        <translation>une ligne sous le temps</translation>
    </message>
    <message>
        <source>in place of the time</source>
        <translation>à la place du temps</translation>
    </message>
    <message>
        <source>Timer {0}: {1}</source>
        <translation>Minuteur {0} : {1}</translation>
    </message>
</context>
<context>
    <name>City</name>
    <message>
        <source>Algiers</source>
        <translation>Alger</translation>
    </message>
    <message>
        <source>Athens</source>
        <translation>Athènes</translation>
    </message>
    <message>
        <source>Bogota</source>
        <translation>Bogotá</translation>
    </message>
    <message>
        <source>Brussels</source>
        <translation>Bruxelles</translation>
    </message>
    <message>
        <source>Bucharest</source>
        <translation>Bucarest</translation>
    </message>
    <message>
        <source>Cairo</source>
        <translation>Le Caire</translation>
    </message>
    <message>
        <source>Copenhagen</source>
        <translation>Copenhague</translation>
    </message>
    <message>
        <source>Lisbon</source>
        <translation>Lisbonne</translation>
    </message>
    <message>
        <source>London</source>
        <translation>Londres</translation>
    </message>
    <message>
        <source>Mexico City</source>
        <translation>Mexico</translation>
    </message>
    <message>
        <source>Montreal</source>
        <translation>Montréal</translation>
    </message>
    <message>
        <source>Moscow</source>
        <translation>Moscou</translation>
    </message>
    <message>
        <source>Sao Paulo</source>
        <translation>São Paulo</translation>
    </message>
    <message>
        <source>Tripoli</source>
        <translation>Tripoli</translation>
    </message>
    <message>
        <source>Vienna</source>
        <translation>Vienne</translation>
    </message>
    <message>
        <source>Warsaw</source>
        <translation>Varsovie</translation>
    </message>
</context>
<context>
    <name>DropImport</name>
    <message>
        <source>The {0} page is not available</source>
        <translation>La page {0} n’est pas disponible</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Run sheet</source>
        <translation>Conducteur</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>“{0}”
   repeats “{1}”</source>
        <translation>« {0} »
   répète « {1} »</translation>
    </message>
    <message>
        <source>Checked pairs are merged: the repeat is dismissed into the first question and its votes are added.</source>
        <translation>Les paires cochées sont fusionnées : la répétition est écartée au profit de la première question, dont les votes s&apos;additionnent.</translation>
    </message>
    <message>
        <source>Merge checked</source>
        <translation>Fusionner la sélection</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Tableurs (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Run the show from the keyboard</source>
        <translation>Pilotez l&apos;émission au clavier</translation>
    </message>
    <message>
        <source>Space starts the show, then pauses and resumes the current segment. Every key works anywhere in the window, except while you type.</source>
        <translation>Espace lance l&apos;émission, puis met en pause et relance la séquence en cours. Chaque touche fonctionne partout dans la fenêtre, sauf pendant la saisie.</translation>
    </message>
    <message>
        <source>Move between segments</source>
        <translation>Passez d&apos;une séquence à l&apos;autre</translation>
    </message>
    <message>
        <source>→ or N goes to the next segment, ← or P back to the previous one. Double-click a row of the rundown to jump to it.</source>
        <translation>→ ou N passe à la séquence suivante, ← ou P revient à la précédente. Double-cliquez une ligne du déroulé pour y aller.</translation>
    </message>
    <message>
        <source>Give or take time</source>
        <translation>Donnez ou retirez du temps</translation>
    </message>
    <message>
        <source>+ adds a minute to the current segment and − takes one away. Ctrl+Z undoes the last timer action, even a mistaken Next. Ctrl+End, pressed twice, finishes the show.</source>
        <translation>+ ajoute une minute à la séquence en cours et − en retire une. Ctrl+Z annule la dernière action du minuteur, même un « Suivant » par erreur. Ctrl+Fin, pressé deux fois, termine le direct.</translation>
    </message>
    <message>
        <source>Stage display, questions, help</source>
        <translation>Affichage scène, questions, aide</translation>
    </message>
    <message>
        <source>V opens the stage display for the speakers (Shift+V: full screen). On the Questions tab, S shortlists, D dismisses, F stars and Enter puts on air. F1 lists every key.</source>
        <translation>V ouvre l’affichage scène pour les intervenants (Maj+V : plein écran). Dans l’onglet Questions, S présélectionne, D écarte, F met une étoile et Entrée passe à l’antenne. F1 liste toutes les touches.</translation>
    </message>
    <message>
        <source>Nothing is lost</source>
        <translation>Rien n&apos;est perdu</translation>
    </message>
    <message>
        <source>Every action is saved in the show file before the screen changes. If the computer crashes, reopen the show: the timer is where the clock says.</source>
        <translation>Chaque action est enregistrée dans le fichier de l&apos;émission avant que l&apos;écran ne change. Si l&apos;ordinateur plante, rouvrez l&apos;émission : le minuteur est là où l&apos;horloge le dit.</translation>
    </message>
    <message>
        <source>Show files (*{0});;All files (*)</source>
        <translation>Fichiers d&apos;émission (*{0});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New show from the template</source>
        <translation>Nouvelle émission à partir du modèle</translation>
    </message>
    <message>
        <source>Open a show</source>
        <translation>Ouvrir une émission</translation>
    </message>
    <message>
        <source>Some actions are not saved yet; fix the file problem first.</source>
        <translation>Certaines actions ne sont pas encore enregistrées ; réglez d&apos;abord le problème de fichier.</translation>
    </message>
    <message>
        <source>Save the show as</source>
        <translation>Enregistrer l&apos;émission sous</translation>
    </message>
    <message>
        <source>{0}: not recognised as a question list or a run sheet</source>
        <translation>{0} : reconnu ni comme liste de questions ni comme conducteur</translation>
    </message>
    <message>
        <source>{0}: not a show file or a spreadsheet</source>
        <translation>{0} : ni un fichier d&apos;émission ni un tableur</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importer un tableur</translation>
    </message>
    <message>
        <source>New show from a run sheet</source>
        <translation>Nouvelle émission à partir d’un conducteur</translation>
    </message>
    <message>
        <source>{0}: a question list, not a run sheet; drop it on the window to import its questions</source>
        <translation>{0} : une liste de questions, pas un conducteur ; déposez-la sur la fenêtre pour importer ses questions</translation>
    </message>
    <message>
        <source>Save the new show</source>
        <translation>Enregistrer la nouvelle émission</translation>
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation>&amp;Nouvelle à partir du modèle…</translation>
    </message>
    <message>
        <source>New from &amp;Spreadsheet…</source>
        <translation>Nouvelle à partir d&apos;un &amp;tableur…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Import a Spreadsheet…</source>
        <translation>&amp;Importer un tableur…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>Tour of the &amp;Keys</source>
        <translation>Visite des &amp;touches</translation>
    </message>
    <message>
        <source>&amp;About the Moderator Console</source>
        <translation>À &amp;propos de la console du modérateur</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Shortlist, or back to new</source>
        <translation>Présélectionner, ou remettre en nouvelle</translation>
    </message>
    <message>
        <source>Dismiss or restore</source>
        <translation>Écarter ou rétablir</translation>
    </message>
    <message>
        <source>Star or unstar</source>
        <translation>Mettre ou retirer l’étoile</translation>
    </message>
    <message>
        <source>Put the selected question on air</source>
        <translation>Passer la question choisie à l’antenne</translation>
    </message>
    <message>
        <source>Mark answered</source>
        <translation>Marquer comme répondue</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Modifier la question</translation>
    </message>
    <message>
        <source>Move up or down in the order</source>
        <translation>Monter ou descendre dans l’ordre</translation>
    </message>
    <message>
        <source>Search the questions</source>
        <translation>Chercher dans les questions</translation>
    </message>
    <message>
        <source>Paste questions copied from the chat or the Q&amp;A panel</source>
        <translation>Coller des questions copiées depuis la discussion ou le panneau Q&amp;R</translation>
    </message>
    <message>
        <source>Take the next shortlisted question on air</source>
        <translation>Passer à l’antenne la prochaine question présélectionnée</translation>
    </message>
    <message>
        <source>Undo the last decision on the questions</source>
        <translation>Annuler la dernière décision sur les questions</translation>
    </message>
    <message>
        <source>Redo on the questions</source>
        <translation>Rétablir sur les questions</translation>
    </message>
    <message>
        <source>Edit the cell (or just type)</source>
        <translation>Modifier la cellule (ou taper directement)</translation>
    </message>
    <message>
        <source>Keep or cancel the edit</source>
        <translation>Valider ou annuler la saisie</translation>
    </message>
    <message>
        <source>Move between cells</source>
        <translation>Aller d’une cellule à l’autre</translation>
    </message>
    <message>
        <source>Insert a segment above</source>
        <translation>Insérer une séquence au-dessus</translation>
    </message>
    <message>
        <source>Duplicate the segment</source>
        <translation>Dupliquer la séquence</translation>
    </message>
    <message>
        <source>Delete the segment</source>
        <translation>Supprimer la séquence</translation>
    </message>
    <message>
        <source>Move the segment up or down</source>
        <translation>Monter ou descendre la séquence</translation>
    </message>
    <message>
        <source>Undo the last run sheet edit</source>
        <translation>Annuler la dernière modification du conducteur</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Live show</source>
        <translation>Direct</translation>
    </message>
    <message>
        <source>Anywhere in the window or on the stage display, tables included (there ↑/↓ move the selection); not in a text field or the run sheet grid.</source>
        <translation>Partout dans la fenêtre et sur l’affichage scène, tableaux compris (↑/↓ y déplacent la sélection) ; pas dans un champ de texte ni dans la grille du conducteur.</translation>
    </message>
    <message>
        <source>Messages to the speaker</source>
        <translation>Messages à l’intervenant</translation>
    </message>
    <message>
        <source>Stage display</source>
        <translation>Affichage scène</translation>
    </message>
    <message>
        <source>Notes from the producer</source>
        <translation>Notes de la production</translation>
    </message>
    <message>
        <source>Questions tab</source>
        <translation>Onglet Questions</translation>
    </message>
    <message>
        <source>When the question table has focus; the live keys work there too.</source>
        <translation>Quand le tableau des questions a le focus ; les touches du direct y marchent aussi.</translation>
    </message>
    <message>
        <source>Run sheet tab (an editing grid)</source>
        <translation>Onglet Conducteur (une grille de saisie)</translation>
    </message>
    <message>
        <source>Keys type and edit here, as in a spreadsheet: the live keys are off.</source>
        <translation>Ici les touches saisissent, comme dans un tableur : les touches du direct sont inactives.</translation>
    </message>
    <message>
        <source>Files and windows</source>
        <translation>Fichiers et fenêtres</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Live keys work in the main window and on the stage display, never while you type in a text field or edit a cell. F1, ? or Escape closes this help.</source>
        <translation>Les touches du direct marchent dans la fenêtre principale et sur l’affichage scène, jamais pendant la saisie dans un champ ou une cellule. F1, ? ou Échap ferme cette aide.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Posée par</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Organisation / city</source>
        <translation>Organisation / ville</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Import questions</source>
        <translation>Importer des questions</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir le fichier…</translation>
    </message>
    <message>
        <source>Dates: detect day/month order</source>
        <translation>Dates : détecter l&apos;ordre jour/mois</translation>
    </message>
    <message>
        <source>Dates: day first (25/02)</source>
        <translation>Dates : jour en premier (25/02)</translation>
    </message>
    <message>
        <source>Dates: month first (02/25)</source>
        <translation>Dates : mois en premier (02/25)</translation>
    </message>
    <message>
        <source>Import questions answered in the source as answered</source>
        <translation>Importer comme répondues les questions répondues dans la source</translation>
    </message>
    <message>
        <source>Zoom&apos;s Answer(s) column or an Answered column marks them. Untick to import them as new, for instance when a typed answer only says the question will be taken live.</source>
        <translation>La colonne Answer(s) de Zoom ou une colonne « Répondu » les signale. Décochez pour les importer comme nouvelles, par exemple quand une réponse écrite annonce seulement que la question sera traitée en direct.</translation>
    </message>
    <message>
        <source>Watch this file and merge new questions when it changes</source>
        <translation>Surveiller ce fichier et fusionner les nouvelles questions quand il change</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Answered in source</source>
        <translation>Répondue dans la source</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <source>Chat or Q&amp;A panel saved as text</source>
        <translation>Discussion ou panneau Q&amp;R enregistré en texte</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Detected: {0}, header on row {1}</source>
        <translation>Détecté : {0}, en-tête en ligne {1}</translation>
    </message>
    <message>
        <source>, encoding {0}</source>
        <translation>, encodage {0}</translation>
    </message>
    <message>
        <source>{0} question(s) marked answered in the source: imported as answered.</source>
        <translation>{0} question(s) marquée(s) répondue(s) dans la source : importée(s) comme répondue(s).</translation>
    </message>
    <message>
        <source>{0} question(s) marked answered in the source: imported as new.</source>
        <translation>{0} question(s) marquée(s) répondue(s) dans la source : importée(s) comme nouvelle(s).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{0} added, {1} already in the queue, {2} skipped.</source>
        <translation>{0} ajoutée(s), {1} déjà dans la file, {2} ignorée(s).</translation>
    </message>
    <message>
        <source>{0} marked answered as in the source.</source>
        <translation>{0} marquée(s) répondue(s) comme dans la source.</translation>
    </message>
    <message>
        <source>{0} answered in the source, imported as new.</source>
        <translation>{0} répondue(s) dans la source, importée(s) comme nouvelle(s).</translation>
    </message>
    <message>
        <source>The file is not watched: {0}</source>
        <translation>Le fichier n&apos;est pas surveillé : {0}</translation>
    </message>
    <message>
        <source>Zoom webinar Q&amp;A report</source>
        <translation>Rapport Q&amp;R de webinaire Zoom</translation>
    </message>
    <message>
        <source>Zoom registration report</source>
        <translation>Rapport d&apos;inscription Zoom</translation>
    </message>
    <message>
        <source>Google Forms</source>
        <translation>Google Forms</translation>
    </message>
    <message>
        <source>Microsoft Forms</source>
        <translation>Microsoft Forms</translation>
    </message>
    <message>
        <source>Slido-like export</source>
        <translation>Export de type Slido</translation>
    </message>
    <message>
        <source>Any table (question column by content)</source>
        <translation>Tout tableau (colonne des questions d&apos;après le contenu)</translation>
    </message>
    <message>
        <source>Import a run sheet — {0}</source>
        <translation>Importer un conducteur — {0}</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va dans</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Premières valeurs</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Changes to the show</source>
        <translation>Modifications de l’émission</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Speaker time zone</source>
        <translation>Fuseau de l’intervenant</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>Danger</translation>
    </message>
    <message>
        <source>Hard start</source>
        <translation>Heure fixe</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Messages auto</translation>
    </message>
    <message>
        <source>Auto-start</source>
        <translation>Démarrage auto</translation>
    </message>
    <message>
        <source>(column {0})</source>
        <translation>(colonne {0})</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— non importée —</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>{0} segments from {1}</source>
        <translation>{0} séquences depuis {1}</translation>
    </message>
</context>
<context>
    <name>LinkRow</name>
    <message>
        <source>Copy the link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <source>&amp;Stage display</source>
        <translation>Affichage &amp;scène</translation>
    </message>
    <message>
        <source>Open or close the stage display window</source>
        <translation>Ouvrir ou fermer la fenêtre d’affichage scène</translation>
    </message>
    <message>
        <source>Stage display &amp;full screen</source>
        <translation>Affichage scène en &amp;plein écran</translation>
    </message>
    <message>
        <source>Stage display full screen, or back to a window</source>
        <translation>Affichage scène en plein écran, ou retour en fenêtre</translation>
    </message>
    <message>
        <source>&amp;Blackout</source>
        <translation>&amp;Écran noir</translation>
    </message>
    <message>
        <source>Black out the stage display, or bring it back</source>
        <translation>Mettre l’affichage scène au noir, ou le rétablir</translation>
    </message>
    <message>
        <source>Stage &amp;clock</source>
        <translation>&amp;Horloge sur la scène</translation>
    </message>
    <message>
        <source>Show the time of day on the stage display</source>
        <translation>Afficher l’heure sur l’affichage scène</translation>
    </message>
    <message>
        <source>Stage &amp;screen</source>
        <translation>É&amp;cran de la scène</translation>
    </message>
    <message>
        <source>Close help / leave full screen</source>
        <translation>Fermer l’aide / quitter le plein écran</translation>
    </message>
    <message>
        <source>Close the keyboard help, or leave full screen</source>
        <translation>Fermer l’aide clavier, ou quitter le plein écran</translation>
    </message>
    <message>
        <source>Send a preset message to the speaker</source>
        <translation>Envoyer un message prédéfini à l’intervenant</translation>
    </message>
    <message>
        <source>Type a &amp;message to the speaker</source>
        <translation>Écrire un &amp;message à l’intervenant</translation>
    </message>
    <message>
        <source>Type a free message; Enter sends it to the stage display</source>
        <translation>Écrire un message libre ; Entrée l’envoie sur l’affichage scène</translation>
    </message>
    <message>
        <source>&amp;Clear the message</source>
        <translation>&amp;Effacer le message</translation>
    </message>
    <message>
        <source>Remove the message from the stage display</source>
        <translation>Retirer le message de l’affichage scène</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Language, default thresholds, stage display, sound</source>
        <translation>Langue, seuils par défaut, affichage scène, son</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>List every key of the console</source>
        <translation>Lister toutes les touches de la console</translation>
    </message>
    <message>
        <source>Message: “{0}”</source>
        <translation>Message : « {0} »</translation>
    </message>
    <message>
        <source>What the speakers see (V opens the stage display)</source>
        <translation>Ce que voient les intervenants (V ouvre l’affichage scène)</translation>
    </message>
    <message>
        <source>Screen {0} is not connected: the stage display opens here</source>
        <translation>L’écran {0} n’est pas branché : l’affichage scène s’ouvre ici</translation>
    </message>
    <message>
        <source>Stage display blacked out</source>
        <translation>Affichage scène au noir</translation>
    </message>
    <message>
        <source>Stage display back</source>
        <translation>Affichage scène rétabli</translation>
    </message>
    <message>
        <source>This show is open read-only here.</source>
        <translation>Ce spectacle est ouvert en lecture seule ici.</translation>
    </message>
    <message>
        <source>Cannot write the show file: {0}</source>
        <translation>Impossible d’écrire le fichier du direct : {0}</translation>
    </message>
    <message>
        <source>Screen {0} is not connected</source>
        <translation>L’écran {0} n’est pas branché</translation>
    </message>
    <message>
        <source>The stage screen {0} was disconnected: the stage display moved to this screen</source>
        <translation>L’écran de scène {0} a été débranché : l’affichage scène est revenu sur cet écran</translation>
    </message>
    <message>
        <source>This speaker&apos;s remote link is gone: choose another recipient.</source>
        <translation>Le lien à distance de cet intervenant n’existe plus : choisissez un autre destinataire.</translation>
    </message>
    <message>
        <source>On the stage display: {0}</source>
        <translation>Sur l’affichage scène : {0}</translation>
    </message>
    <message>
        <source>To {0} only: {1}</source>
        <translation>À {0} seulement : {1}</translation>
    </message>
    <message>
        <source>There is no message to clear for {0}</source>
        <translation>Aucun message à effacer pour {0}</translation>
    </message>
    <message>
        <source>There is no message to clear</source>
        <translation>Aucun message à effacer</translation>
    </message>
    <message>
        <source>Stage: BLACKOUT (B)</source>
        <translation>Scène : ÉCRAN NOIR (B)</translation>
    </message>
    <message>
        <source>Stage: closed (V opens)</source>
        <translation>Scène : fermée (V l’ouvre)</translation>
    </message>
    <message>
        <source>Stage: full screen on {0}</source>
        <translation>Scène : plein écran sur {0}</translation>
    </message>
    <message>
        <source>Stage: in a window</source>
        <translation>Scène : dans une fenêtre</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Rundown</source>
        <translation>Déroulé</translation>
    </message>
    <message>
        <source>Read-only: this show is open elsewhere; following it live.</source>
        <translation>Lecture seule : ce direct est ouvert ailleurs ; suivi en temps réel.</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (lecture seule)</translation>
    </message>
    <message>
        <source>Start the show, pause or resume</source>
        <translation>Démarrer le direct, mettre en pause ou reprendre</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Back to the previous segment</source>
        <translation>Revenir à la séquence précédente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Go to the next segment</source>
        <translation>Passer à la séquence suivante</translation>
    </message>
    <message>
        <source>−1 min</source>
        <translation>−1 min</translation>
    </message>
    <message>
        <source>Remove one minute</source>
        <translation>Retirer une minute</translation>
    </message>
    <message>
        <source>+1 min</source>
        <translation>+1 min</translation>
    </message>
    <message>
        <source>Add one minute</source>
        <translation>Ajouter une minute</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo the last timer action</source>
        <translation>Annuler la dernière action du minuteur</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Direct</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>&amp;Run sheet</source>
        <translation>&amp;Conducteur</translation>
    </message>
    <message>
        <source>Re&amp;port</source>
        <translation>Ra&amp;pport</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Could not load {0}: {1}</source>
        <translation>Impossible de charger {0} : {1}</translation>
    </message>
    <message>
        <source>This show is open read-only here.</source>
        <translation>Ce direct est ouvert en lecture seule ici.</translation>
    </message>
    <message>
        <source>Cannot write the show file: {0}</source>
        <translation>Impossible d’écrire le fichier du direct : {0}</translation>
    </message>
    <message>
        <source>The show is finished.</source>
        <translation>Le direct est terminé.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>End the show (press the key twice; the button asks)</source>
        <translation>Terminer le direct (touche à presser deux fois ; le bouton demande confirmation)</translation>
    </message>
    <message>
        <source>Start a rehearsal run?</source>
        <translation>Lancer une répétition ?</translation>
    </message>
    <message>
        <source>The show is planned for {0}, not now. A run started now is a rehearsal: its over/under is measured from its own start. Enter starts it, Escape cancels.</source>
        <translation>Le direct est prévu le {0}, pas maintenant. Un passage lancé maintenant est une répétition : son avance/retard se mesure depuis son propre début. Entrée la lance, Échap annule.</translation>
    </message>
    <message>
        <source>Start rehearsal</source>
        <translation>Lancer la répétition</translation>
    </message>
    <message>
        <source>Press Ctrl+End again to finish the show</source>
        <translation>Pressez de nouveau Ctrl+Fin pour terminer le direct</translation>
    </message>
    <message>
        <source>Finish the show?</source>
        <translation>Terminer le direct ?</translation>
    </message>
    <message>
        <source>The timer stops for good. Undo (Ctrl+Z) brings it back.</source>
        <translation>Le minuteur s’arrête pour de bon. Annuler (Ctrl+Z) le relance.</translation>
    </message>
    <message>
        <source>Finish the show</source>
        <translation>Terminer le direct</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>To the speaker:</source>
        <translation>À l’intervenant :</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>Tous les intervenants</translation>
    </message>
    <message>
        <source>Everyone, or only this speaker&apos;s remote link</source>
        <translation>Tout le monde, ou seulement le lien à distance de cet intervenant</translation>
    </message>
    <message>
        <source>Show “{0}” on the stage display ({1})</source>
        <translation>Afficher « {0} » sur l’affichage scène ({1})</translation>
    </message>
    <message>
        <source>Message to the speaker… (M, Enter sends)</source>
        <translation>Message à l’intervenant… (M, Entrée envoie)</translation>
    </message>
    <message>
        <source>Blink</source>
        <translation>Clignoter</translation>
    </message>
    <message>
        <source>Make the message blink on the stage display</source>
        <translation>Faire clignoter le message sur l’affichage scène</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Show this text on the stage display (Enter)</source>
        <translation>Afficher ce texte sur l’affichage scène (Entrée)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Remove the message from the stage display (C)</source>
        <translation>Retirer le message de l’affichage scène (C)</translation>
    </message>
    <message>
        <source>Remove “{0}” from the stage display (C)</source>
        <translation>Retirer « {0} » de l’affichage scène (C)</translation>
    </message>
    <message>
        <source>No message on the stage display</source>
        <translation>Aucun message sur l’affichage scène</translation>
    </message>
</context>
<context>
    <name>ModeratorNotes</name>
    <message>
        <source>There is no unread note from the producer</source>
        <translation>Aucune note non lue de la production</translation>
    </message>
    <message>
        <source>This show is open read-only here.</source>
        <translation>Cette émission est ouverte en lecture seule ici.</translation>
    </message>
    <message>
        <source>Mark the producer&apos;s &amp;note as read</source>
        <translation>Marquer la &amp;note de la production comme lue</translation>
    </message>
    <message>
        <source>Acknowledge the oldest unread note from the producer</source>
        <translation>Accuser réception de la plus ancienne note non lue de la production</translation>
    </message>
    <message>
        <source>Read ({0})</source>
        <translation>Lu ({0})</translation>
    </message>
    <message>
        <source>✉ Note from {0} · {1}</source>
        <translation>✉ Note de {0} · {1}</translation>
    </message>
    <message>
        <source>✉ Note from the producer · {0}</source>
        <translation>✉ Note de la production · {0}</translation>
    </message>
    <message>
        <source>{0} unread</source>
        <translation>{0} non lues</translation>
    </message>
</context>
<context>
    <name>NetworkShare</name>
    <message>
        <source>New key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>Make a new key for this role?</source>
        <translation>Créer une nouvelle clé pour ce rôle ?</translation>
    </message>
    <message>
        <source>The links given out so far for this role stop working: whoever uses them needs the new link.</source>
        <translation>Les liens déjà donnés pour ce rôle cessent de fonctionner : leurs utilisateurs auront besoin du nouveau lien.</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Créer une nouvelle clé</translation>
    </message>
    <message>
        <source>The new key could not be saved in the show file: {0}</source>
        <translation>La nouvelle clé n’a pas pu être enregistrée dans le fichier de l’émission : {0}</translation>
    </message>
    <message>
        <source>New key made: the old links stop working.</source>
        <translation>Nouvelle clé créée : les anciens liens ne fonctionnent plus.</translation>
    </message>
    <message>
        <source>Shared on {0}:{1}</source>
        <translation>Partagé sur {0}:{1}</translation>
    </message>
    <message>
        <source>Port {0} is in use by another program: choose another port, or use a free one.</source>
        <translation>Le port {0} est utilisé par un autre programme : choisissez un autre port, ou prenez-en un libre.</translation>
    </message>
    <message>
        <source>The network server could not start: {0}</source>
        <translation>Le serveur réseau n’a pas pu démarrer : {0}</translation>
    </message>
    <message>
        <source>Sharing stopped: the network server crashed or could not start.</source>
        <translation>Partage arrêté : le serveur réseau s’est planté ou n’a pas pu démarrer.</translation>
    </message>
    <message>
        <source>Sharing stopped: the network server exited (code {0}).</source>
        <translation>Partage arrêté : le serveur réseau s’est arrêté (code {0}).</translation>
    </message>
    <message>
        <source>Starting to share…</source>
        <translation>Démarrage du partage…</translation>
    </message>
    <message>
        <source>Share on network…</source>
        <translation>Partager sur le réseau…</translation>
    </message>
    <message>
        <source>Links, QR codes and keys for the network</source>
        <translation>Liens, codes QR et clés pour le réseau</translation>
    </message>
    <message>
        <source>Share on &amp;network…</source>
        <translation>Partager sur le &amp;réseau…</translation>
    </message>
    <message>
        <source>Links for speakers, producers and remote control, with QR codes</source>
        <translation>Liens pour les intervenants, la production et le pilotage à distance, avec codes QR</translation>
    </message>
</context>
<context>
    <name>OnAirPanel</name>
    <message>
        <source>ON AIR</source>
        <translation>À L&apos;ANTENNE</translation>
    </message>
    <message>
        <source>Take next ▶</source>
        <translation>Prendre la suivante ▶</translation>
    </message>
    <message>
        <source>Put the top shortlisted question on air (Ctrl+Enter)</source>
        <translation>Passer à l&apos;antenne la première question présélectionnée (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Answered ✓</source>
        <translation>Répondue ✓</translation>
    </message>
    <message>
        <source>Mark the question on air as answered</source>
        <translation>Marquer la question à l&apos;antenne comme répondue</translation>
    </message>
    <message>
        <source>Show on stage</source>
        <translation>Afficher sur scène</translation>
    </message>
    <message>
        <source>Show the question on air, with its asker, on the stage display</source>
        <translation>Afficher la question à l’antenne, avec son auteur, sur l’affichage scène</translation>
    </message>
    <message>
        <source>No question on air.</source>
        <translation>Aucune question à l&apos;antenne.</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Ensuite : {0}</translation>
    </message>
    <message>
        <source>Next: shortlist a question to take it next</source>
        <translation>Ensuite : présélectionnez une question pour la prendre</translation>
    </message>
    <message>
        <source>{0} min left in Q&amp;A</source>
        <translation>{0} min restantes pour les Q&amp;R</translation>
    </message>
    <message>
        <source>{0} min left: about {1} more question(s) at {2} s each</source>
        <translation>{0} min restantes : environ {1} question(s) de plus à {2} s chacune</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>OverUnder</name>
    <message>
        <source>on time</source>
        <translation>à l’heure</translation>
    </message>
    <message>
        <source>{0} late</source>
        <translation>{0} de retard</translation>
    </message>
    <message>
        <source>{0} early</source>
        <translation>{0} d’avance</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <source>Zoom chat</source>
        <translation>Discussion Zoom</translation>
    </message>
    <message>
        <source>Zoom Q&amp;A panel</source>
        <translation>Panneau Q&amp;R de Zoom</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Google Meet</source>
        <translation>Google Meet</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texte simple</translation>
    </message>
    <message>
        <source>Question mark</source>
        <translation>Point d’interrogation</translation>
    </message>
    <message>
        <source>Opens like a question</source>
        <translation>Commence comme une question</translation>
    </message>
    <message>
        <source>“Question:” prefix</source>
        <translation>Préfixe « Question : »</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Trop court</translation>
    </message>
    <message>
        <source>Greeting or thanks</source>
        <translation>Salutation ou remerciement</translation>
    </message>
    <message>
        <source>“+1”</source>
        <translation>« +1 »</translation>
    </message>
    <message>
        <source>No question mark or question word</source>
        <translation>Ni point d’interrogation ni mot interrogatif</translation>
    </message>
    <message>
        <source>The clipboard holds an image, not text: copy the chat&apos;s text, then press Ctrl+V.</source>
        <translation>Le presse-papiers contient une image, pas du texte : copiez le texte de la discussion, puis appuyez sur Ctrl+V.</translation>
    </message>
    <message>
        <source>The clipboard holds no text: copy the chat or the Q&amp;A panel&apos;s text, then press Ctrl+V.</source>
        <translation>Le presse-papiers ne contient pas de texte : copiez le texte de la discussion ou du panneau Q&amp;R, puis appuyez sur Ctrl+V.</translation>
    </message>
    <message>
        <source>The clipboard is empty: copy the chat or the Q&amp;A panel, then press Ctrl+V.</source>
        <translation>Le presse-papiers est vide : copiez la discussion ou le panneau Q&amp;R, puis appuyez sur Ctrl+V.</translation>
    </message>
    <message>
        <source>The clipboard holds binary data, not a chat&apos;s text: nothing was read.</source>
        <translation>Le presse-papiers contient des données binaires, pas le texte d’une discussion : rien n’a été lu.</translation>
    </message>
    <message>
        <source>The clipboard holds {0} MB of text, more than a chat ({1} MB at most): copy a part of it.</source>
        <translation>Le presse-papiers contient {0} Mo de texte, plus qu’une discussion ({1} Mo au plus) : copiez-en une partie.</translation>
    </message>
    <message>
        <source>Paste questions</source>
        <translation>Coller des questions</translation>
    </message>
    <message>
        <source>Show all messages</source>
        <translation>Afficher tous les messages</translation>
    </message>
    <message>
        <source>Greetings, thanks and “+1” are kept out of the queue; show them to tick one.</source>
        <translation>Les salutations, remerciements et « +1 » restent hors de la file ; affichez-les pour en cocher un.</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Tick a line to add it, untick it to leave it out (Space ticks the selected lines).</source>
        <translation>Cochez une ligne pour l’ajouter, décochez-la pour l’écarter (Espace coche les lignes sélectionnées).</translation>
    </message>
    <message>
        <source>Reading {0} MB of pasted text…</source>
        <translation>Lecture de {0} Mo de texte collé…</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… et {0} de plus</translation>
    </message>
    <message>
        <source>No message was found in the pasted text.</source>
        <translation>Aucun message trouvé dans le texte collé.</translation>
    </message>
    <message>
        <source>No message looks like a question: tick the ones to add (Show all messages).</source>
        <translation>Aucun message ne ressemble à une question : cochez ceux à ajouter (Afficher tous les messages).</translation>
    </message>
    <message>
        <source>Nothing pasted yet</source>
        <translation>Rien n’a encore été collé</translation>
    </message>
    <message>
        <source>Recognised: {0}</source>
        <translation>Reconnu : {0}</translation>
    </message>
    <message>
        <source>{0} message(s), {1} look like questions, {2} ticked</source>
        <translation>{0} message(s), {1} ressemblent à des questions, {2} coché(s)</translation>
    </message>
    <message>
        <source>{0} line(s) could not be read (nothing is added from them):</source>
        <translation>{0} ligne(s) illisible(s) (rien n’en est ajouté) :</translation>
    </message>
    <message>
        <source>{0} question(s) added, {1} already in the queue</source>
        <translation>{0} question(s) ajoutée(s), {1} déjà dans la file</translation>
    </message>
</context>
<context>
    <name>PasteModel</name>
    <message>
        <source>Asked by</source>
        <translation>Posée par</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>{0}; ticked by you</source>
        <translation>{0} ; cochée par vous</translation>
    </message>
    <message>
        <source>{0}; unticked by you</source>
        <translation>{0} ; décochée par vous</translation>
    </message>
    <message>
        <source>Sent privately to you, not to everyone</source>
        <translation>Envoyé en privé à vous, pas à tout le monde</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>On time</source>
        <translation>Dans les temps</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Conclure</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Dépassement</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Where I put it</source>
        <translation>Là où je la place</translation>
    </message>
    <message>
        <source>{0} (not connected)</source>
        <translation>{0} (non branché)</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <source>Segment title</source>
        <translation>Titre de la séquence</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Messages to the speaker</source>
        <translation>Messages à l’intervenant</translation>
    </message>
    <message>
        <source>Clear a message when the segment changes</source>
        <translation>Effacer le message quand la séquence change</translation>
    </message>
    <message>
        <source>Chime when a segment reaches its warning time</source>
        <translation>Signal sonore quand une séquence atteint son seuil d’alerte</translation>
    </message>
    <message>
        <source>Chime when a segment&apos;s time is up</source>
        <translation>Signal sonore quand le temps d’une séquence est écoulé</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Warning before the end (new shows)</source>
        <translation>Alerte avant la fin (nouveaux directs)</translation>
    </message>
    <message>
        <source>Wrap-up before the end (new shows)</source>
        <translation>« Conclure » avant la fin (nouveaux directs)</translation>
    </message>
    <message>
        <source>Stage display</source>
        <translation>Affichage scène</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Écran</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Son</translation>
    </message>
    <message>
        <source>Timers and clock</source>
        <translation>Minuteurs et horloge</translation>
    </message>
    <message>
        <source>no answer timer</source>
        <translation>pas de minuteur de réponse</translation>
    </message>
    <message>
        <source>Answer timer for each question on air</source>
        <translation>Minuteur de réponse pour chaque question à l’antenne</translation>
    </message>
    <message>
        <source>none (e.g. pool.ntp.org)</source>
        <translation>aucun (par ex. pool.ntp.org)</translation>
    </message>
    <message>
        <source>Time server to check the clock</source>
        <translation>Serveur de temps pour vérifier l’horloge</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <source>Edit question</source>
        <translation>Modifier la question</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Ajouter une question</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>(tout le monde)</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Étoilée</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Posée par</translation>
    </message>
    <message>
        <source>Organisation / city</source>
        <translation>Organisation / ville</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Moderator note</source>
        <translation>Note du modérateur</translation>
    </message>
    <message>
        <source>A question needs some text.</source>
        <translation>Une question doit avoir un texte.</translation>
    </message>
</context>
<context>
    <name>QuestionTableModel</name>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <translation>Présélectionnée</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>À l&apos;antenne</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Écartée</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Posée par</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Note: {0}</source>
        <translation>Note : {0}</translation>
    </message>
    <message>
        <source>Marked answered in the source file</source>
        <translation>Marquée répondue dans le fichier source</translation>
    </message>
</context>
<context>
    <name>QuestionsFeature</name>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>&amp;Import questions…</source>
        <translation>&amp;Importer des questions…</translation>
    </message>
    <message>
        <source>&amp;Paste questions…</source>
        <translation>&amp;Coller des questions…</translation>
    </message>
    <message>
        <source>&amp;Add a question…</source>
        <translation>&amp;Ajouter une question…</translation>
    </message>
    <message>
        <source>&amp;Take next question</source>
        <translation>&amp;Prendre la question suivante</translation>
    </message>
    <message>
        <source>Mark &amp;answered</source>
        <translation>Marquer comme &amp;répondue</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates…</source>
        <translation>&amp;Doublons possibles…</translation>
    </message>
    <message>
        <source>&amp;Undo on the questions</source>
        <translation>&amp;Annuler sur les questions</translation>
    </message>
    <message>
        <source>&amp;Redo on the questions</source>
        <translation>&amp;Rétablir sur les questions</translation>
    </message>
    <message>
        <source>&amp;Stop watching linked files</source>
        <translation>&amp;Arrêter de surveiller les fichiers liés</translation>
    </message>
    <message>
        <source>No file is watched any more.</source>
        <translation>Plus aucun fichier n&apos;est surveillé.</translation>
    </message>
    <message>
        <source>{0} new question(s) from {1}</source>
        <translation>{0} nouvelle(s) question(s) de {1}</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Search questions, askers, notes… (Ctrl+F)</source>
        <translation>Rechercher questions, auteurs, notes… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shortlist (S)</source>
        <translation>Présélectionner (S)</translation>
    </message>
    <message>
        <source>Shortlist, or back to new</source>
        <translation>Présélectionner, ou remettre en nouvelle</translation>
    </message>
    <message>
        <source>Dismiss (D)</source>
        <translation>Écarter (D)</translation>
    </message>
    <message>
        <source>Dismiss, or restore</source>
        <translation>Écarter, ou rétablir</translation>
    </message>
    <message>
        <source>★ Star (F)</source>
        <translation>★ Étoile (F)</translation>
    </message>
    <message>
        <source>Star or unstar</source>
        <translation>Ajouter ou retirer l&apos;étoile</translation>
    </message>
    <message>
        <source>On air (Enter)</source>
        <translation>À l&apos;antenne (Entrée)</translation>
    </message>
    <message>
        <source>Put this question on air now</source>
        <translation>Passer cette question à l&apos;antenne maintenant</translation>
    </message>
    <message>
        <source>Move up (Ctrl+Up)</source>
        <translation>Monter (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move down (Ctrl+Down)</source>
        <translation>Descendre (Ctrl+Bas)</translation>
    </message>
    <message>
        <source>Edit… (E)</source>
        <translation>Modifier… (E)</translation>
    </message>
    <message>
        <source>Edit the question</source>
        <translation>Modifier la question</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Add a question by hand (from the chat)</source>
        <translation>Ajouter une question à la main (depuis le chat)</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>Doublons…</translation>
    </message>
    <message>
        <source>Merge questions asked twice</source>
        <translation>Fusionner les questions posées deux fois</translation>
    </message>
    <message>
        <source>All {0}</source>
        <translation>Toutes {0}</translation>
    </message>
    <message>
        <source>{0} shown of {1}</source>
        <translation>{0} affichée(s) sur {1}</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>Tous les intervenants</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <source>This show is open read-only here.</source>
        <translation>Cette émission est ouverte en lecture seule ici.</translation>
    </message>
    <message>
        <source>Select a question first.</source>
        <translation>Sélectionnez d&apos;abord une question.</translation>
    </message>
    <message>
        <source>Nothing to undo in the questions</source>
        <translation>Rien à annuler dans les questions</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Nothing to redo in the questions</source>
        <translation>Rien à rétablir dans les questions</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Rétabli</translation>
    </message>
    <message>
        <source>Sort by # to change the order.</source>
        <translation>Triez par # pour changer l&apos;ordre.</translation>
    </message>
    <message>
        <source>No duplicate questions found.</source>
        <translation>Aucun doublon trouvé.</translation>
    </message>
</context>
<context>
    <name>Recent</name>
    <message>
        <source>No recent shows</source>
        <translation>Aucune émission récente</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>A countdown needs a duration above zero</source>
        <translation>Un compte à rebours doit durer plus de zéro</translation>
    </message>
    <message>
        <source>A cue needs a message</source>
        <translation>Un message automatique doit avoir un texte</translation>
    </message>
    <message>
        <source>A cue&apos;s message cannot contain &apos;;&apos; (it separates cues)</source>
        <translation>Le texte d’un message automatique ne peut pas contenir « ; » (il sépare les messages)</translation>
    </message>
    <message>
        <source>A cue&apos;s message has at most {0} characters</source>
        <translation>Le texte d’un message automatique fait au plus {0} caractères</translation>
    </message>
    <message>
        <source>A message expires after 1 second to 24 hours</source>
        <translation>Un message expire après 1 seconde à 24 heures</translation>
    </message>
    <message>
        <source>A message needs some text</source>
        <translation>Un message doit avoir un texte</translation>
    </message>
    <message>
        <source>A segment has at most {0} cues</source>
        <translation>Une séquence a au plus {0} messages automatiques</translation>
    </message>
    <message>
        <source>A segment needs a title</source>
        <translation>Une séquence doit avoir un titre</translation>
    </message>
    <message>
        <source>A show time must carry a time zone</source>
        <translation>Une heure du direct doit porter un fuseau horaire</translation>
    </message>
    <message>
        <source>A start can be corrected only while the show is running or paused</source>
        <translation>Un début ne peut être corrigé que pendant le direct (en cours ou en pause)</translation>
    </message>
    <message>
        <source>A start correction is for the segment or the show, not {0!r}</source>
        <translation>Une correction de début porte sur la séquence ou le direct, pas {0!r}</translation>
    </message>
    <message>
        <source>A timer can {0}; not {1!r}</source>
        <translation>Un minuteur peut faire {0} ; pas {1!r}</translation>
    </message>
    <message>
        <source>A timer cannot last a negative time ({0:g} s)</source>
        <translation>Un minuteur ne peut pas avoir une durée négative ({0:g} s)</translation>
    </message>
    <message>
        <source>A timer counts &apos;down&apos; or &apos;up&apos;, not {0!r}</source>
        <translation>Un minuteur compte « down » (à rebours) ou « up » (en avant), pas {0!r}</translation>
    </message>
    <message>
        <source>A timer is shown {0}, not {1!r}</source>
        <translation>Un minuteur s’affiche {0}, pas {1!r}</translation>
    </message>
    <message>
        <source>A timer lasts at most 24:00:00</source>
        <translation>Un minuteur dure au plus 24:00:00</translation>
    </message>
    <message>
        <source>A timer&apos;s name has at most 40 characters</source>
        <translation>Le nom d’un minuteur fait au plus 40 caractères</translation>
    </message>
    <message>
        <source>Add time needs a number of seconds other than zero</source>
        <translation>Ajouter du temps demande un nombre de secondes différent de zéro</translation>
    </message>
    <message>
        <source>Add time needs a whole number of seconds</source>
        <translation>Ajouter du temps demande un nombre entier de secondes</translation>
    </message>
    <message>
        <source>An overtime cue comes at most 24 hours after the end</source>
        <translation>Un message automatique de dépassement arrive au plus 24 heures après la fin</translation>
    </message>
    <message>
        <source>Cannot insert at row {0}</source>
        <translation>Impossible d’insérer à la ligne {0}</translation>
    </message>
    <message>
        <source>Cannot move row {0} to row {1}</source>
        <translation>Impossible de déplacer la ligne {0} à la ligne {1}</translation>
    </message>
    <message>
        <source>Cannot read the cue {0!r}: write a time then the message, e.g. &apos;2:00 2 minutes&apos; or &apos;+0:00! Time is up&apos;</source>
        <translation>Impossible de lire le message automatique {0!r} : écrivez une durée puis le texte, par ex. « 2:00 2 minutes » ou « +0:00! Temps écoulé »</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as a clock time: expected 16:05, 16h05 or 4:05 PM</source>
        <translation>Impossible de lire {0!r} comme une heure : attendu 16:05, 16h05 ou 4:05 PM</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as a duration: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s</source>
        <translation>Impossible de lire {0!r} comme une durée : attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme 5 min, 1h05, 1 h 5 min, 90s</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as a duration: seconds over 59; expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s</source>
        <translation>Impossible de lire {0!r} comme une durée : secondes au-delà de 59 ; attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme 5 min, 1h05, 1 h 5 min, 90s</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as a duration: unknown unit {1!r}; expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s</source>
        <translation>Impossible de lire {0!r} comme une durée : unité inconnue {1!r} ; attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme 5 min, 1h05, 1 h 5 min, 90s</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as a number of seconds</source>
        <translation>Impossible de lire {0!r} comme un nombre de secondes</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as the elapsed time in seconds (or m:ss)</source>
        <translation>Impossible de lire {0!r} comme la durée écoulée en secondes (ou m:ss)</translation>
    </message>
    <message>
        <source>Cannot read {0!r} as yes or no</source>
        <translation>Impossible de lire {0!r} comme oui ou non</translation>
    </message>
    <message>
        <source>Cannot read {0!r}: expected a clock time (16:05 or 16:05:30), &apos;2 min ago&apos; or -SECONDS (e.g. -120)</source>
        <translation>Impossible de lire {0!r} : attendu une heure (16:05 ou 16:05:30), « il y a 2 min » ou -SECONDES (par ex. -120)</translation>
    </message>
    <message>
        <source>Cannot remove more time than the segment has been given</source>
        <translation>Impossible de retirer plus de temps que la séquence n’en a reçu</translation>
    </message>
    <message>
        <source>Cannot remove more time than timer {0} has</source>
        <translation>Impossible de retirer plus de temps qu’il n’en reste au minuteur {0}</translation>
    </message>
    <message>
        <source>Cannot tell the report format of {0}: use a name ending in .xlsx, .csv or .json</source>
        <translation>Format du rapport {0} inconnu : utilisez un nom finissant par .xlsx, .csv ou .json</translation>
    </message>
    <message>
        <source>Cannot write {0}: it is a folder</source>
        <translation>Impossible d’écrire {0} : c’est un dossier</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d’écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Cues fire only during the show</source>
        <translation>Les messages automatiques ne partent que pendant le direct</translation>
    </message>
    <message>
        <source>Duration {0!r} is over 24 hours</source>
        <translation>La durée {0!r} dépasse 24 heures</translation>
    </message>
    <message>
        <source>During the show, new segments go after the one on air</source>
        <translation>Pendant le direct, les nouvelles séquences vont après celle à l’antenne</translation>
    </message>
    <message>
        <source>During the show, only segments after the one on air can be moved, and only among themselves</source>
        <translation>Pendant le direct, seules les séquences après celle à l’antenne peuvent être déplacées, et seulement entre elles</translation>
    </message>
    <message>
        <source>Empty duration: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s</source>
        <translation>Durée vide : attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme 5 min, 1h05, 1 h 5 min, 90s</translation>
    </message>
    <message>
        <source>Empty value: expected a number of seconds</source>
        <translation>Valeur vide : attendu un nombre de secondes</translation>
    </message>
    <message>
        <source>Empty value: expected the elapsed time in seconds (or m:ss)</source>
        <translation>Valeur vide : attendu la durée écoulée en secondes (ou m:ss)</translation>
    </message>
    <message>
        <source>Finish works only while the show is running or paused</source>
        <translation>Terminer ne fonctionne que pendant le direct (en cours ou en pause)</translation>
    </message>
    <message>
        <source>Go to needs a segment number</source>
        <translation>Aller à demande un numéro de séquence</translation>
    </message>
    <message>
        <source>Negative duration {0!r}: expected minutes (5), m:ss (5:00), h:mm:ss (0:05:00) or units such as 5 min, 1h05, 1 h 5 min, 90s</source>
        <translation>Durée négative {0!r} : attendu des minutes (5), m:ss (5:00), h:mm:ss (0:05:00) ou des unités comme 5 min, 1h05, 1 h 5 min, 90s</translation>
    </message>
    <message>
        <source>No automatic start is counting down</source>
        <translation>Aucun démarrage automatique n’est en cours</translation>
    </message>
    <message>
        <source>No automatic start is due now</source>
        <translation>Aucun démarrage automatique n’est prévu maintenant</translation>
    </message>
    <message>
        <source>Not a valid show description: {0}</source>
        <translation>Description de direct non valide : {0}</translation>
    </message>
    <message>
        <source>Pause works only while a segment is running</source>
        <translation>La pause ne fonctionne que pendant une séquence en cours</translation>
    </message>
    <message>
        <source>Resume works only while the timer is paused</source>
        <translation>Reprendre ne fonctionne que quand le minuteur est en pause</translation>
    </message>
    <message>
        <source>Row {0} ({1}) has already run: it stays in the run sheet</source>
        <translation>La ligne {0} ({1}) est déjà passée : elle reste dans le conducteur</translation>
    </message>
    <message>
        <source>Row {0} ({1}) has already run: its timing keeps what happened</source>
        <translation>La ligne {0} ({1}) est déjà passée : son minutage garde ce qui s’est passé</translation>
    </message>
    <message>
        <source>Row {0} ({1}) is on air: go to another segment before deleting it</source>
        <translation>La ligne {0} ({1}) est à l’antenne : passez à une autre séquence avant de la supprimer</translation>
    </message>
    <message>
        <source>Row {0} ({1}) is on air: its start has already happened</source>
        <translation>La ligne {0} ({1}) est à l’antenne : son début a déjà eu lieu</translation>
    </message>
    <message>
        <source>Row {0} ({1}): hard start {2:%H:%M} overlaps the previous segment, which ends at {3:%H:%M}</source>
        <translation>Ligne {0} ({1}) : l’heure fixe {2:%H:%M} chevauche la séquence précédente, qui finit à {3:%H:%M}</translation>
    </message>
    <message>
        <source>Row {0} ({1}): the duration is zero</source>
        <translation>Ligne {0} ({1}) : la durée est nulle</translation>
    </message>
    <message>
        <source>Segment {0} is already the current one</source>
        <translation>La séquence {0} est déjà la séquence en cours</translation>
    </message>
    <message>
        <source>That cue has already fired</source>
        <translation>Ce message automatique est déjà parti</translation>
    </message>
    <message>
        <source>That is already the recorded start: nothing to correct</source>
        <translation>C’est déjà le début enregistré : rien à corriger</translation>
    </message>
    <message>
        <source>That moves the start by {0}: more than 12 hours cannot be a forgotten key; check the time (and the day)</source>
        <translation>Cela déplace le début de {0} : plus de 12 heures ne peut pas être une touche oubliée ; vérifiez l’heure (et le jour)</translation>
    </message>
    <message>
        <source>That segment has no recorded start</source>
        <translation>Cette séquence n’a pas de début enregistré</translation>
    </message>
    <message>
        <source>That segment is already in the run sheet</source>
        <translation>Cette séquence est déjà dans le conducteur</translation>
    </message>
    <message>
        <source>That segment is no longer in the run sheet</source>
        <translation>Cette séquence n’est plus dans le conducteur</translation>
    </message>
    <message>
        <source>The cue at {0} is longer than the segment ({1}): it could never fire</source>
        <translation>Le message automatique à {0} dépasse la durée de la séquence ({1}) : il ne partirait jamais</translation>
    </message>
    <message>
        <source>The cue {0!r}: {1}</source>
        <translation>Le message automatique {0!r} : {1}</translation>
    </message>
    <message>
        <source>The cues: {0}</source>
        <translation>Les messages automatiques : {0}</translation>
    </message>
    <message>
        <source>The current segment was removed; use go to</source>
        <translation>La séquence en cours a été supprimée ; utilisez Aller à</translation>
    </message>
    <message>
        <source>The danger time cannot be empty</source>
        <translation>Le seuil de danger ne peut pas être vide</translation>
    </message>
    <message>
        <source>The danger time cannot be negative</source>
        <translation>Le seuil de danger ne peut pas être négatif</translation>
    </message>
    <message>
        <source>The danger time cannot be over 24 hours</source>
        <translation>Le seuil de danger ne peut pas dépasser 24 heures</translation>
    </message>
    <message>
        <source>The danger time: {0}</source>
        <translation>Le seuil de danger : {0}</translation>
    </message>
    <message>
        <source>The duration cannot be empty</source>
        <translation>La durée ne peut pas être vide</translation>
    </message>
    <message>
        <source>The duration cannot be negative</source>
        <translation>La durée ne peut pas être négative</translation>
    </message>
    <message>
        <source>The duration cannot be over 24 hours</source>
        <translation>La durée ne peut pas dépasser 24 heures</translation>
    </message>
    <message>
        <source>The duration must be more than zero</source>
        <translation>La durée doit être supérieure à zéro</translation>
    </message>
    <message>
        <source>The duration: {0}</source>
        <translation>La durée : {0}</translation>
    </message>
    <message>
        <source>The elapsed time cannot be negative</source>
        <translation>La durée écoulée ne peut pas être négative</translation>
    </message>
    <message>
        <source>The elapsed time is at most 24:00:00</source>
        <translation>La durée écoulée est au plus de 24:00:00</translation>
    </message>
    <message>
        <source>The planned end must come after the start</source>
        <translation>La fin prévue doit venir après le début</translation>
    </message>
    <message>
        <source>The run sheet has no segments to start</source>
        <translation>Le conducteur n’a aucune séquence à démarrer</translation>
    </message>
    <message>
        <source>The show has already started</source>
        <translation>Le direct a déjà commencé</translation>
    </message>
    <message>
        <source>The show has not started yet</source>
        <translation>Le direct n’a pas encore commencé</translation>
    </message>
    <message>
        <source>The show is finished</source>
        <translation>Le direct est terminé</translation>
    </message>
    <message>
        <source>The show is live: the new run sheet must keep the segments that have run and the one on air ({0}) in place</source>
        <translation>Le direct est en cours : le nouveau conducteur doit garder à leur place les séquences déjà passées et celle à l’antenne ({0})</translation>
    </message>
    <message>
        <source>The show is live: {0} has already run; its timing stays</source>
        <translation>Le direct est en cours : {0} est déjà passée ; son minutage reste</translation>
    </message>
    <message>
        <source>The show needs a start</source>
        <translation>Le direct doit avoir un début</translation>
    </message>
    <message>
        <source>The show needs a title</source>
        <translation>Le direct doit avoir un titre</translation>
    </message>
    <message>
        <source>The show&apos;s first segment is no longer known</source>
        <translation>La première séquence du direct n’est plus connue</translation>
    </message>
    <message>
        <source>The show&apos;s planned start must carry a time zone</source>
        <translation>Le début prévu du direct doit porter un fuseau horaire</translation>
    </message>
    <message>
        <source>The warning time cannot be empty</source>
        <translation>Le seuil d’alerte ne peut pas être vide</translation>
    </message>
    <message>
        <source>The warning time cannot be negative</source>
        <translation>Le seuil d’alerte ne peut pas être négatif</translation>
    </message>
    <message>
        <source>The warning time cannot be over 24 hours</source>
        <translation>Le seuil d’alerte ne peut pas dépasser 24 heures</translation>
    </message>
    <message>
        <source>The warning time: {0}</source>
        <translation>Le seuil d’alerte : {0}</translation>
    </message>
    <message>
        <source>There is no message to clear</source>
        <translation>Il n’y a aucun message à effacer</translation>
    </message>
    <message>
        <source>There is no message to clear for {0}</source>
        <translation>Il n’y a aucun message à effacer pour {0}</translation>
    </message>
    <message>
        <source>There is no row {0}</source>
        <translation>Il n’y a pas de ligne {0}</translation>
    </message>
    <message>
        <source>There is no segment {0}: the run sheet has segments 0 to {1}</source>
        <translation>Il n’y a pas de séquence {0} : le conducteur a les séquences 0 à {1}</translation>
    </message>
    <message>
        <source>There is no timer action to undo</source>
        <translation>Aucune action du minuteur à annuler</translation>
    </message>
    <message>
        <source>There is no timer {0}: the timers are 1 to {1}</source>
        <translation>Il n’y a pas de minuteur {0} : les minuteurs vont de 1 à {1}</translation>
    </message>
    <message>
        <source>This is the first segment: there is no previous one</source>
        <translation>C’est la première séquence : il n’y en a pas avant</translation>
    </message>
    <message>
        <source>This is the last segment: use finish to end the show</source>
        <translation>C’est la dernière séquence : utilisez Terminer pour finir le direct</translation>
    </message>
    <message>
        <source>Time can be added or removed only during the show</source>
        <translation>Du temps ne peut être ajouté ou retiré que pendant le direct</translation>
    </message>
    <message>
        <source>Timer {0} counts up: time is added to countdowns</source>
        <translation>Le minuteur {0} compte en avant : le temps s’ajoute aux comptes à rebours</translation>
    </message>
    <message>
        <source>Timer {0} is already reset</source>
        <translation>Le minuteur {0} est déjà remis à zéro</translation>
    </message>
    <message>
        <source>Timer {0} is already running</source>
        <translation>Le minuteur {0} tourne déjà</translation>
    </message>
    <message>
        <source>Timer {0} is not running</source>
        <translation>Le minuteur {0} ne tourne pas</translation>
    </message>
    <message>
        <source>Two cues at {0}: keep one</source>
        <translation>Deux messages automatiques à {0} : gardez-en un</translation>
    </message>
    <message>
        <source>Type when it started: a clock time (16:05 or 16:05:30), &apos;2 min ago&apos; or -SECONDS (e.g. -120)</source>
        <translation>Tapez quand cela a commencé : une heure (16:05 ou 16:05:30), « il y a 2 min » ou -SECONDES (par ex. -120)</translation>
    </message>
    <message>
        <source>Unknown edit {0!r}</source>
        <translation>Modification inconnue {0!r}</translation>
    </message>
    <message>
        <source>Unknown run sheet field {0!r} in the column mapping</source>
        <translation>Champ de conducteur inconnu {0!r} dans l’association des colonnes</translation>
    </message>
    <message>
        <source>Unknown segment field {0!r}</source>
        <translation>Champ de séquence inconnu {0!r}</translation>
    </message>
    <message>
        <source>Unknown segment kind {0!r}: expected one of {1}</source>
        <translation>Type de séquence inconnu {0!r} : attendu l’un de {1}</translation>
    </message>
    <message>
        <source>Unknown show field {0!r}</source>
        <translation>Champ du direct inconnu {0!r}</translation>
    </message>
    <message>
        <source>Unknown time zone {0!r}: expected an IANA name such as Europe/Paris</source>
        <translation>Fuseau horaire inconnu {0!r} : attendu un nom IANA comme Europe/Paris</translation>
    </message>
    <message>
        <source>Unknown timer action {0!r}</source>
        <translation>Action de minuteur inconnue {0!r}</translation>
    </message>
    <message>
        <source>a text table of more than {0} MB</source>
        <translation>un tableau texte de plus de {0} Mo</translation>
    </message>
    <message>
        <source>cannot read {0!r} as a clock time</source>
        <translation>impossible de lire {0!r} comme une heure</translation>
    </message>
    <message>
        <source>cannot read {0!r} as a clock time such as 16:05</source>
        <translation>impossible de lire {0!r} comme une heure telle que 16:05</translation>
    </message>
    <message>
        <source>cannot read {0!r} as a clock time such as 16:05 or 4:05 PM</source>
        <translation>impossible de lire {0!r} comme une heure telle que 16:05 ou 4:05 PM</translation>
    </message>
    <message>
        <source>cannot read {0!r} as a clock time such as 4:05 PM</source>
        <translation>impossible de lire {0!r} comme une heure telle que 4:05 PM</translation>
    </message>
    <message>
        <source>duration {0!r} is over 24 hours</source>
        <translation>la durée {0!r} dépasse 24 heures</translation>
    </message>
    <message>
        <source>it unpacks to {0:,} MB or more, over the {1} MB limit</source>
        <translation>il se décompresse en {0:,} Mo ou plus, au-delà de la limite de {1} Mo</translation>
    </message>
    <message>
        <source>its cells take more than {0:,} MB</source>
        <translation>ses cellules occupent plus de {0:,} Mo</translation>
    </message>
    <message>
        <source>its cells take more than {0:,} bytes</source>
        <translation>ses cellules occupent plus de {0:,} octets</translation>
    </message>
    <message>
        <source>more than {0:,} cells</source>
        <translation>plus de {0:,} cellules</translation>
    </message>
    <message>
        <source>more than {0:,} shared strings</source>
        <translation>plus de {0:,} chaînes partagées</translation>
    </message>
    <message>
        <source>negative duration {0!r}</source>
        <translation>durée négative {0!r}</translation>
    </message>
    <message>
        <source>reading it needs more than {0} MB of memory</source>
        <translation>sa lecture demande plus de {0} Mo de mémoire</translation>
    </message>
    <message>
        <source>reading it took more than {0:g} s</source>
        <translation>sa lecture a pris plus de {0:g} s</translation>
    </message>
    <message>
        <source>reading it took more than {0:g} s of processor time</source>
        <translation>sa lecture a pris plus de {0:g} s de temps processeur</translation>
    </message>
    <message>
        <source>the reader stopped (exit code {0})</source>
        <translation>le lecteur s’est arrêté (code de sortie {0})</translation>
    </message>
    <message>
        <source>the reader stopped, out of its {0} MB of memory or on damaged content</source>
        <translation>le lecteur s’est arrêté, à court de ses {0} Mo de mémoire ou sur un contenu endommagé</translation>
    </message>
    <message>
        <source>the reader was stopped by signal {0}</source>
        <translation>le lecteur a été arrêté par le signal {0}</translation>
    </message>
    <message>
        <source>the run sheet was changed by someone else meanwhile — reloaded</source>
        <translation>le conducteur a été modifié par quelqu’un d’autre entre-temps — rechargé</translation>
    </message>
    <message>
        <source>the show moved on since (journal {0} &gt; {1}): nothing done</source>
        <translation>le direct a avancé depuis (journal {0} &gt; {1}) : rien n’a été fait</translation>
    </message>
    <message>
        <source>this computer&apos;s clock ({0:%Y-%m-%d %H:%M:%S} UTC) is {1:.0f} s behind the show&apos;s journal (last entry at {2:%H:%M:%S} UTC); nothing was saved. Check the clock, or let the console that runs the show record the action</source>
        <translation>l’horloge de cet ordinateur ({0:%Y-%m-%d %H:%M:%S} UTC) retarde de {1:.0f} s sur le journal du direct (dernière entrée à {2:%H:%M:%S} UTC) ; rien n’a été enregistré. Vérifiez l’horloge, ou laissez la console qui pilote le direct faire l’action</translation>
    </message>
    <message>
        <source>this computer&apos;s clock cannot be read ({0})</source>
        <translation>l’horloge de cet ordinateur est illisible ({0})</translation>
    </message>
    <message>
        <source>this computer&apos;s clock reads {0:%Y-%m-%d %H:%M} UTC, which cannot be right; set the clock and try again</source>
        <translation>l’horloge de cet ordinateur indique {0:%Y-%m-%d %H:%M} UTC, ce qui ne peut pas être juste ; réglez l’horloge et réessayez</translation>
    </message>
    <message>
        <source>{0!r} is a date, not a duration</source>
        <translation>{0!r} est une date, pas une durée</translation>
    </message>
    <message>
        <source>{0!r} is not a clock time (hours 0-23, minutes 0-59)</source>
        <translation>{0!r} n’est pas une heure (heures 0-23, minutes 0-59)</translation>
    </message>
    <message>
        <source>{0!r} is not a number of seconds</source>
        <translation>{0!r} n’est pas un nombre de secondes</translation>
    </message>
    <message>
        <source>{0!r} is not a speaker link id (see remote-links)</source>
        <translation>{0!r} n’est pas un identifiant de lien d’intervenant (voir remote-links)</translation>
    </message>
    <message>
        <source>{0!r} is not a timer number</source>
        <translation>{0!r} n’est pas un numéro de minuteur</translation>
    </message>
    <message>
        <source>{0!r} is not a timer number (1 to {1})</source>
        <translation>{0!r} n’est pas un numéro de minuteur (1 à {1})</translation>
    </message>
    <message>
        <source>{0!r} is not an instant</source>
        <translation>{0!r} n’est pas un instant</translation>
    </message>
    <message>
        <source>{0}</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>{0} MB, over the {1} MB limit for a workbook</source>
        <translation>{0} Mo, au-delà de la limite de {1} Mo pour un classeur</translation>
    </message>
    <message>
        <source>{0} holds more than {1:,} cells</source>
        <translation>{0} contient plus de {1:,} cellules</translation>
    </message>
    <message>
        <source>{0} is before «{1}» began (at {2}): the two segments would overlap</source>
        <translation>{0} est avant le début de « {1} » (à {2}) : les deux séquences se chevaucheraient</translation>
    </message>
    <message>
        <source>{0} is before «{1}» began: the two segments would overlap</source>
        <translation>{0} est avant le début de « {1} » : les deux séquences se chevaucheraient</translation>
    </message>
    <message>
        <source>{0} is in the future (it is {1}): a start can only be moved to a time that has passed</source>
        <translation>{0} est dans le futur (il est {1}) : un début ne peut être déplacé qu’à une heure déjà passée</translation>
    </message>
    <message>
        <source>{0} is packed more than {1} to 1</source>
        <translation>{0} est compressé à plus de {1} pour 1</translation>
    </message>
    <message>
        <source>{0} is too long for a timer: at most 24:00:00</source>
        <translation>{0} est trop long pour un minuteur : 24:00:00 au plus</translation>
    </message>
    <message>
        <source>{0} needs a number of seconds, e.g. 90</source>
        <translation>{0} demande un nombre de secondes, par ex. 90</translation>
    </message>
    <message>
        <source>{0} parts in its zip, over the {1} limit</source>
        <translation>{0} parties dans son zip, au-delà de la limite de {1}</translation>
    </message>
    <message>
        <source>{0} reaches row {1:,} and column {2}: more than {3:,} cells to fill</source>
        <translation>{0} va jusqu’à la ligne {1:,} et la colonne {2} : plus de {3:,} cellules à remplir</translation>
    </message>
    <message>
        <source>{0} refused: {1}</source>
        <translation>{0} refusé : {1}</translation>
    </message>
    <message>
        <source>{0} takes no value</source>
        <translation>{0} ne prend pas de valeur</translation>
    </message>
    <message>
        <source>{0}: a file already exists there; it was left untouched</source>
        <translation>{0} : un fichier existe déjà à cet endroit ; il n’a pas été modifié</translation>
    </message>
    <message>
        <source>{0}: cannot be read (permission denied; is it open or locked in another program?)</source>
        <translation>{0} : lecture impossible (permission refusée ; est-il ouvert ou verrouillé dans un autre programme ?)</translation>
    </message>
    <message>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0} : lecture impossible ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot be read as a table ({1})</source>
        <translation>{0} : impossible de le lire comme un tableau ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot be written (permission denied; is it open in another program?)</source>
        <translation>{0} : écriture impossible (permission refusée ; est-il ouvert dans un autre programme ?)</translation>
    </message>
    <message>
        <source>{0}: cannot be written ({1})</source>
        <translation>{0} : écriture impossible ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot create the show file ({1})</source>
        <translation>{0} : impossible de créer le fichier de l’émission ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot read it ({1})</source>
        <translation>{0} : lecture impossible ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot read its journal ({1})</source>
        <translation>{0} : impossible de lire son journal ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot read the remote links ({1})</source>
        <translation>{0} : impossible de lire les liens à distance ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot read the sharing tokens ({1})</source>
        <translation>{0} : impossible de lire les jetons de partage ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot read the unsaved actions ({1})</source>
        <translation>{0} : impossible de lire les actions non enregistrées ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot remove it ({1})</source>
        <translation>{0} : suppression impossible ({1})</translation>
    </message>
    <message>
        <source>{0}: cannot save a copy ({1})</source>
        <translation>{0} : impossible d’enregistrer une copie ({1})</translation>
    </message>
    <message>
        <source>{0}: choose the column that holds the questions</source>
        <translation>{0} : choisissez la colonne qui contient les questions</translation>
    </message>
    <message>
        <source>{0}: export to .xlsx or .csv (not none)</source>
        <translation>{0} : exportez en .xlsx ou .csv (pas sans extension)</translation>
    </message>
    <message>
        <source>{0}: export to .xlsx or .csv (not {1})</source>
        <translation>{0} : exportez en .xlsx ou .csv (pas en {1})</translation>
    </message>
    <message>
        <source>{0}: has a header but no rows of questions</source>
        <translation>{0} : a un en-tête mais aucune ligne de questions</translation>
    </message>
    <message>
        <source>{0}: in the show&apos;s run sheet, {1}</source>
        <translation>{0} : dans le conducteur de l’émission, {1}</translation>
    </message>
    <message>
        <source>{0}: is a folder, not a show file</source>
        <translation>{0} : c’est un dossier, pas un fichier d’émission</translation>
    </message>
    <message>
        <source>{0}: is a folder, not a spreadsheet</source>
        <translation>{0} : c’est un dossier, pas un tableur</translation>
    </message>
    <message>
        <source>{0}: is {1}, not a spreadsheet file; choose a saved file</source>
        <translation>{0} : c’est {1}, pas un fichier de tableur ; choisissez un fichier enregistré</translation>
    </message>
    <message>
        <source>{0}: journal entry {1} is damaged</source>
        <translation>{0} : l’entrée {1} du journal est endommagée</translation>
    </message>
    <message>
        <source>{0}: made by a newer version of the console (schema {1}, this one reads up to {2}); it was left untouched</source>
        <translation>{0} : créé par une version plus récente de la console (schéma {1}, celle-ci lit jusqu’au {2}) ; il n’a pas été modifié</translation>
    </message>
    <message>
        <source>{0}: made by an older version of the console, needs upgrading and cannot be written; open it once where it can be written</source>
        <translation>{0} : créé par une version plus ancienne de la console, il doit être mis à jour mais ne peut pas être écrit ; ouvrez-le une fois là où il peut l’être</translation>
    </message>
    <message>
        <source>{0}: made by an older version of the console, needs upgrading and was opened read-only; open it once where it can be written</source>
        <translation>{0} : créé par une version plus ancienne de la console, il doit être mis à jour mais a été ouvert en lecture seule ; ouvrez-le une fois là où il peut être écrit</translation>
    </message>
    <message>
        <source>{0}: no column gives times: map a start, end or duration column</source>
        <translation>{0} : aucune colonne ne donne d’horaires : associez une colonne de début, de fin ou de durée</translation>
    </message>
    <message>
        <source>{0}: no column is mapped to the segment title</source>
        <translation>{0} : aucune colonne n’est associée au titre de la séquence</translation>
    </message>
    <message>
        <source>{0}: no column looks like questions (long free text)</source>
        <translation>{0} : aucune colonne ne ressemble à des questions (texte libre long)</translation>
    </message>
    <message>
        <source>{0}: no header row found in the first {1} rows: expected a title column (Title, Titre, Segment, Séquence) and a time column (Start, Heure, Début, Duration, Durée, End, Fin)</source>
        <translation>{0} : aucune ligne d’en-tête dans les {1} premières lignes : il faut une colonne de titre (Title, Titre, Segment, Séquence) et une colonne d’horaire (Start, Heure, Début, Duration, Durée, End, Fin)</translation>
    </message>
    <message>
        <source>{0}: no message could be read from this chat</source>
        <translation>{0} : aucun message n’a pu être lu dans ce chat</translation>
    </message>
    <message>
        <source>{0}: no such file</source>
        <translation>{0} : ce fichier n’existe pas</translation>
    </message>
    <message>
        <source>{0}: no such show file</source>
        <translation>{0} : ce fichier d’émission n’existe pas</translation>
    </message>
    <message>
        <source>{0}: none of its {1} messages looks like a question (greetings, +1, too short)</source>
        <translation>{0} : aucun de ses {1} messages ne ressemble à une question (salutations, +1, trop court)</translation>
    </message>
    <message>
        <source>{0}: not a readable spreadsheet (xlsx, xls, ods): truncated, damaged or not a spreadsheet ({1})</source>
        <translation>{0} : tableur illisible (xlsx, xls, ods) : tronqué, endommagé ou pas un tableur ({1})</translation>
    </message>
    <message>
        <source>{0}: not a readable spreadsheet: not a real {1} workbook (the content is not a spreadsheet; was it renamed?)</source>
        <translation>{0} : tableur illisible : pas un vrai classeur {1} (le contenu n’est pas un tableur ; a-t-il été renommé ?)</translation>
    </message>
    <message>
        <source>{0}: not a show file (it is not an SQLite database)</source>
        <translation>{0} : pas un fichier d’émission (ce n’est pas une base SQLite)</translation>
    </message>
    <message>
        <source>{0}: not a text table (binary content or an unknown encoding)</source>
        <translation>{0} : pas un tableau texte (contenu binaire ou encodage inconnu)</translation>
    </message>
    <message>
        <source>{0}: opened read-only</source>
        <translation>{0} : ouvert en lecture seule</translation>
    </message>
    <message>
        <source>{0}: opened read-only; the run sheet cannot change</source>
        <translation>{0} : ouvert en lecture seule ; le conducteur ne peut pas changer</translation>
    </message>
    <message>
        <source>{0}: reading was cancelled</source>
        <translation>{0} : lecture annulée</translation>
    </message>
    <message>
        <source>{0}: row {1} (default cues): {2}</source>
        <translation>{0} : ligne {1} (messages auto par défaut) : {2}</translation>
    </message>
    <message>
        <source>{0}: row {1} ({2}): ends at {3}, before it starts at {4}</source>
        <translation>{0} : ligne {1} ({2}) : finit à {3}, avant son début à {4}</translation>
    </message>
    <message>
        <source>{0}: row {1} ({2}): starts at {3}, before the previous segment ends at {4} (overlap); fix this start or the previous duration</source>
        <translation>{0} : ligne {1} ({2}) : commence à {3}, avant la fin de la séquence précédente à {4} (chevauchement) ; corrigez ce début ou la durée précédente</translation>
    </message>
    <message>
        <source>{0}: row {1} ({2}): the duration is over 24 hours</source>
        <translation>{0} : ligne {1} ({2}) : la durée dépasse 24 heures</translation>
    </message>
    <message>
        <source>{0}: row {1} ({2}): the next row starts at {3}, before this one starts at {4}</source>
        <translation>{0} : ligne {1} ({2}) : la ligne suivante commence à {3}, avant le début de celle-ci à {4}</translation>
    </message>
    <message>
        <source>{0}: row {1} ({2}): {3}</source>
        <translation>{0} : ligne {1} ({2}) : {3}</translation>
    </message>
    <message>
        <source>{0}: the disk is full -- the change was NOT saved; free some space and try again</source>
        <translation>{0} : le disque est plein -- la modification n’a PAS été enregistrée ; libérez de la place et réessayez</translation>
    </message>
    <message>
        <source>{0}: the disk is full; free some space on it</source>
        <translation>{0} : le disque est plein ; libérez-y de la place</translation>
    </message>
    <message>
        <source>{0}: the disk reported an error while writing (disk I/O error) -- the change was NOT saved; check the disk, or copy the show elsewhere</source>
        <translation>{0} : le disque a signalé une erreur d’écriture (erreur d’E/S) -- la modification n’a PAS été enregistrée ; vérifiez le disque ou copiez l’émission ailleurs</translation>
    </message>
    <message>
        <source>{0}: the disk reported an error while writing (disk I/O error); check the disk or copy the show elsewhere</source>
        <translation>{0} : le disque a signalé une erreur d’écriture (erreur d’E/S) ; vérifiez le disque ou copiez l’émission ailleurs</translation>
    </message>
    <message>
        <source>{0}: the file cannot be written (read-only file, folder or disk) -- the change was NOT saved; make it writable and try again</source>
        <translation>{0} : le fichier ne peut pas être écrit (fichier, dossier ou disque en lecture seule) -- la modification n’a PAS été enregistrée ; rendez-le accessible en écriture et réessayez</translation>
    </message>
    <message>
        <source>{0}: the file cannot be written (read-only file, folder or disk); make it writable</source>
        <translation>{0} : le fichier ne peut pas être écrit (fichier, dossier ou disque en lecture seule) ; rendez-le accessible en écriture</translation>
    </message>
    <message>
        <source>{0}: the file holds no cells</source>
        <translation>{0} : le fichier ne contient aucune cellule</translation>
    </message>
    <message>
        <source>{0}: the file is damaged (SQLite reports: {1})</source>
        <translation>{0} : le fichier est endommagé (SQLite signale : {1})</translation>
    </message>
    <message>
        <source>{0}: the file is damaged (unreadable text)</source>
        <translation>{0} : le fichier est endommagé (texte illisible)</translation>
    </message>
    <message>
        <source>{0}: the file is empty</source>
        <translation>{0} : le fichier est vide</translation>
    </message>
    <message>
        <source>{0}: the file is empty (no cell holds anything)</source>
        <translation>{0} : le fichier est vide (aucune cellule n’est remplie)</translation>
    </message>
    <message>
        <source>{0}: the file is locked by another program -- the change was NOT saved; close it there and try again</source>
        <translation>{0} : le fichier est verrouillé par un autre programme -- la modification n’a PAS été enregistrée ; fermez-le là-bas et réessayez</translation>
    </message>
    <message>
        <source>{0}: the file is locked by another program; close it there and try again</source>
        <translation>{0} : le fichier est verrouillé par un autre programme ; fermez-le là-bas et réessayez</translation>
    </message>
    <message>
        <source>{0}: the file of unsaved actions is damaged ({1!r}); it was left untouched</source>
        <translation>{0} : le fichier des actions non enregistrées est endommagé ({1!r}) ; il n’a pas été modifié</translation>
    </message>
    <message>
        <source>{0}: the folder {1} does not exist</source>
        <translation>{0} : le dossier {1} n’existe pas</translation>
    </message>
    <message>
        <source>{0}: the journal is damaged (unreadable text)</source>
        <translation>{0} : le journal est endommagé (texte illisible)</translation>
    </message>
    <message>
        <source>{0}: the journal is damaged ({1})</source>
        <translation>{0} : le journal est endommagé ({1})</translation>
    </message>
    <message>
        <source>{0}: the run sheet has no rows under its header (row {1})</source>
        <translation>{0} : le conducteur n’a aucune ligne sous son en-tête (ligne {1})</translation>
    </message>
    <message>
        <source>{0}: the show record is damaged ({1!r})</source>
        <translation>{0} : la fiche de l’émission est endommagée ({1!r})</translation>
    </message>
    <message>
        <source>{0}: the show record is missing</source>
        <translation>{0} : la fiche de l’émission manque</translation>
    </message>
    <message>
        <source>{0}: the unsaved actions could not be kept in a rescue file either ({1}); keep the console open and free space or fix the disk</source>
        <translation>{0} : les actions non enregistrées n’ont pas pu être gardées non plus dans un fichier de secours ({1}) ; gardez la console ouverte et libérez de la place ou réparez le disque</translation>
    </message>
    <message>
        <source>{0}: there is no row {1} to use as header</source>
        <translation>{0} : il n’y a pas de ligne {1} à prendre comme en-tête</translation>
    </message>
    <message>
        <source>{0}: this SQLite database is not a moderator show file</source>
        <translation>{0} : cette base SQLite n’est pas un fichier d’émission de la console</translation>
    </message>
    <message>
        <source>{0}: this file is too large or damaged to read ({1})</source>
        <translation>{0} : ce fichier est trop gros ou trop endommagé pour être lu ({1})</translation>
    </message>
    <message>
        <source>{0}: too large for a run sheet ({1} MB)</source>
        <translation>{0} : trop gros pour un conducteur ({1} Mo)</translation>
    </message>
    <message>
        <source>{0}: unknown profile {1!r} (one of {2})</source>
        <translation>{0} : profil inconnu {1!r} (parmi {2})</translation>
    </message>
    <message>
        <source>{0}: upgrade failed ({1}); a backup was kept</source>
        <translation>{0} : échec de la mise à jour ({1}) ; une sauvegarde a été gardée</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>{0}: {1} -- the change was NOT saved; try again</source>
        <translation>{0} : {1} -- la modification n’a PAS été enregistrée ; réessayez</translation>
    </message>
    <message>
        <source>«{0}» has been on air {1} times: its start cannot be moved; use set elapsed for the time it has run</source>
        <translation>« {0} » est passée {1} fois à l’antenne : son début ne peut pas être déplacé ; utilisez Durée écoulée pour le temps écoulé</translation>
    </message>
    <message>
        <source>«{0}» has no cue {1}</source>
        <translation>« {0} » n’a pas de message automatique {1}</translation>
    </message>
    <message>
        <source>«{0}» has no hard start: auto-start needs one</source>
        <translation>« {0} » n’a pas d’heure fixe : le démarrage auto en demande une</translation>
    </message>
    <message>
        <source>«{0}» has run only {1}: its start cannot move later than that</source>
        <translation>« {0} » n’a duré que {1} : son début ne peut pas être déplacé plus tard que cela</translation>
    </message>
    <message>
        <source>«{0}» starts by itself at its hard start: turn auto-start off first</source>
        <translation>« {0} » démarre d’elle-même à son heure fixe : désactivez d’abord le démarrage auto</translation>
    </message>
    <message>
        <source>«{0}»: {1}</source>
        <translation>« {0} » : {1}</translation>
    </message>
</context>
<context>
    <name>Reliability</name>
    <message>
        <source>the disk holding {0} is full</source>
        <translation>le disque qui contient {0} est plein</translation>
    </message>
    <message>
        <source>Free some space on it</source>
        <translation>Libérez de la place sur ce disque</translation>
    </message>
    <message>
        <source>{0} cannot be written (read-only file, folder or disk)</source>
        <translation>{0} ne peut pas être écrit (fichier, dossier ou disque en lecture seule)</translation>
    </message>
    <message>
        <source>Make it writable</source>
        <translation>Rendez-le accessible en écriture</translation>
    </message>
    <message>
        <source>Fix the problem</source>
        <translation>Corrigez le problème</translation>
    </message>
    <message>
        <source>NOT SAVED: {0} -- {1} action(s) kept in memory, timing goes on. {2}; the console keeps retrying and writes them in order.</source>
        <translation>NON ENREGISTRÉ : {0} -- {1} action(s) gardée(s) en mémoire, le minutage continue. {2} ; la console réessaie sans cesse et les écrit dans l&apos;ordre.</translation>
    </message>
    <message>
        <source>The computer&apos;s clock was corrected by {0:+.1f} s; the timer was not affected.</source>
        <translation>L&apos;horloge de l&apos;ordinateur a été corrigée de {0:+.1f} s ; le minuteur n&apos;a pas été affecté.</translation>
    </message>
    <message>
        <source>All actions are saved to the show file again.</source>
        <translation>Toutes les actions sont de nouveau enregistrées dans le fichier de l&apos;émission.</translation>
    </message>
    <message>
        <source>Actions not saved</source>
        <translation>Actions non enregistrées</translation>
    </message>
    <message>
        <source>Keep the console open</source>
        <translation>Garder la console ouverte</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Close and keep them in a rescue file</source>
        <translation>Fermer et les garder dans un fichier de secours</translation>
    </message>
    <message>
        <source>{0} action(s) are NOT SAVED in {1}: {2}</source>
        <translation>{0} action(s) NON ENREGISTRÉE(S) dans {1} : {2}</translation>
    </message>
    <message>
        <source>Keep the console open and fix the problem (it keeps retrying), or close and keep them in a rescue file: opening this show again offers to write them in.</source>
        <translation>Gardez la console ouverte et corrigez le problème (elle réessaie sans cesse), ou fermez et gardez-les dans un fichier de secours : la prochaine ouverture de ce direct proposera de les écrire.</translation>
    </message>
    <message>
        <source>Actions kept</source>
        <translation>Actions gardées</translation>
    </message>
    <message>
        <source>The unsaved actions were kept in {0}. Open this show again to write them in.</source>
        <translation>Les actions non enregistrées ont été gardées dans {0}. Rouvrez ce direct pour les écrire.</translation>
    </message>
    <message>
        <source>Unsaved actions found</source>
        <translation>Actions non enregistrées trouvées</translation>
    </message>
    <message>
        <source>{0} action(s) of this show could not be saved on {1} ({2}). They were kept in {3}.</source>
        <translation>{0} action(s) de ce direct n&apos;ont pas pu être enregistrées le {1} ({2}). Elles ont été gardées dans {3}.</translation>
    </message>
    <message>
        <source>Write them into the show now, in order, with their original times?</source>
        <translation>Les écrire maintenant dans le direct, dans l&apos;ordre, avec leurs heures d&apos;origine ?</translation>
    </message>
    <message>
        <source>{0} other action(s) were saved since; these would follow them.</source>
        <translation>{0} autre(s) action(s) ont été enregistrées depuis ; celles-ci viendraient après.</translation>
    </message>
    <message>
        <source>Write them into the show</source>
        <translation>Les écrire dans le direct</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Discard them</source>
        <translation>Les abandonner</translation>
    </message>
    <message>
        <source>{0} unsaved action(s) written into the show.</source>
        <translation>{0} action(s) non enregistrée(s) écrite(s) dans le direct.</translation>
    </message>
</context>
<context>
    <name>RemoteLinkRow</name>
    <message>
        <source>Copy the link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Révoquer…</translation>
    </message>
    <message>
        <source>A new key for this link: the link sent so far stops working at once.</source>
        <translation>Une nouvelle clé pour ce lien : le lien envoyé jusqu’ici cesse aussitôt de fonctionner.</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Enregistrer en fichier…</translation>
    </message>
    <message>
        <source>One HTML file to send to the speaker: it opens from disk in any browser, no server needed (only the broker). It holds the key: send it privately.</source>
        <translation>Un fichier HTML à envoyer à l’intervenant : il s’ouvre depuis le disque dans tout navigateur, sans serveur (seulement le broker). Il contient la clé : envoyez-le en privé.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Save the speaker&apos;s page</source>
        <translation>Enregistrer la page de l’intervenant</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Non enregistré : {0}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>Enregistré : {0}</translation>
    </message>
</context>
<context>
    <name>RemoteLinks</name>
    <message>
        <source>Timer</source>
        <translation>Minuteur</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Incrustation</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Coulisses</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Run sheet</source>
        <translation>Conducteur</translation>
    </message>
    <message>
        <source>Speaker: {0}</source>
        <translation>Intervenant : {0}</translation>
    </message>
    <message>
        <source>Everyone (view only, no addressed messages)</source>
        <translation>Tout le monde (lecture seule, sans messages adressés)</translation>
    </message>
    <message>
        <source>Producer (remote)</source>
        <translation>Producteur (à distance)</translation>
    </message>
    <message>
        <source>Control (remote)</source>
        <translation>Contrôle (à distance)</translation>
    </message>
    <message>
        <source>Nobody has opened this link yet.</source>
        <translation>Personne n’a encore ouvert ce lien.</translation>
    </message>
    <message>
        <source>Connected · last seen {0}</source>
        <translation>Connecté · vu à {0}</translation>
    </message>
    <message>
        <source>Gone · last seen {0}</source>
        <translation>Parti · vu à {0}</translation>
    </message>
    <message>
        <source>clock offset {0}</source>
        <translation>décalage d’horloge {0}</translation>
    </message>
</context>
<context>
    <name>RemotePage</name>
    <message>
        <source>The broker&apos;s CA certificate</source>
        <translation>Le certificat d’autorité (CA) du broker</translation>
    </message>
    <message>
        <source>Revoke a link</source>
        <translation>Révoquer un lien</translation>
    </message>
    <message>
        <source>Revoke the link “{0}”?</source>
        <translation>Révoquer le lien « {0} » ?</translation>
    </message>
    <message>
        <source>It stops working at once; whoever needs it gets the new link.</source>
        <translation>Il cesse aussitôt de fonctionner ; qui en a besoin reçoit le nouveau lien.</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Révoquer</translation>
    </message>
    <message>
        <source>Speakers on other continents see the stage display through an MQTT broker (your Mosquitto or a managed service), end-to-end encrypted: the broker sees only ciphertext. Each link carries its key after #: send it privately.</source>
        <translation>Les intervenants sur d’autres continents voient l’écran de scène via un broker MQTT (votre Mosquitto ou un service hébergé), chiffré de bout en bout : le broker ne voit que du texte chiffré. Chaque lien porte sa clé après # : envoyez-le en privé.</translation>
    </message>
    <message>
        <source>Remote links through a broker</source>
        <translation>Liens à distance via un broker</translation>
    </message>
    <message>
        <source>Apply and restart sharing</source>
        <translation>Appliquer et relancer le partage</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>Fichier CA :</translation>
    </message>
    <message>
        <source>Browsers&apos; broker:</source>
        <translation>Broker des navigateurs :</translation>
    </message>
    <message>
        <source>Browsers&apos; user:</source>
        <translation>Utilisateur des navigateurs :</translation>
    </message>
    <message>
        <source>Browsers&apos; password:</source>
        <translation>Mot de passe des navigateurs :</translation>
    </message>
    <message>
        <source>Speakers:</source>
        <translation>Intervenants :</translation>
    </message>
    <message>
        <source>ws(s)://… (if Broker is mqtt://)</source>
        <translation>ws(s)://… (si le broker est en mqtt://)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>names separated by ;</source>
        <translation>noms séparés par ;</translation>
    </message>
    <message>
        <source>One link per speaker, named as in the run sheet</source>
        <translation>Un lien par intervenant, nommé comme dans le conducteur</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>saved (type to change)</source>
        <translation>enregistré (tapez pour changer)</translation>
    </message>
    <message>
        <source>Give the broker&apos;s address: mqtt://, mqtts://, ws:// or wss://HOST:PORT (for example wss://broker.example.org:8084/mqtt).</source>
        <translation>Indiquez l’adresse du broker : mqtt://, mqtts://, ws:// ou wss://HÔTE:PORT (par exemple wss://broker.example.org:8084/mqtt).</translation>
    </message>
    <message>
        <source>Browsers reach a broker only over WebSockets: give “Browsers&apos; broker” as ws:// or wss://HOST:PORT/PATH.</source>
        <translation>Les navigateurs n’atteignent un broker que par WebSockets : indiquez « Broker des navigateurs » en ws:// ou wss://HÔTE:PORT/CHEMIN.</translation>
    </message>
    <message>
        <source>The CA file does not exist: choose the broker&apos;s CA certificate, or leave it empty.</source>
        <translation>Le fichier CA n’existe pas : choisissez le certificat CA du broker, ou laissez vide.</translation>
    </message>
    <message>
        <source>The password could not be saved in {0} ({1}): remote links are not on.</source>
        <translation>Le mot de passe n’a pas pu être enregistré dans {0} ({1}) : les liens à distance ne sont pas activés.</translation>
    </message>
    <message>
        <source>The link could not be revoked: {0}</source>
        <translation>Le lien n’a pas pu être révoqué : {0}</translation>
    </message>
    <message>
        <source>Remote links are off: only this network sees the show.</source>
        <translation>Liens à distance désactivés : seul ce réseau voit l’émission.</translation>
    </message>
    <message>
        <source>Remote links start with sharing: press Share.</source>
        <translation>Les liens à distance démarrent avec le partage : cliquez sur Partager.</translation>
    </message>
    <message>
        <source>Broker connected: {0}</source>
        <translation>Broker connecté : {0}</translation>
    </message>
    <message>
        <source>Remote links could not start, the show goes on locally: {0}</source>
        <translation>Les liens à distance n’ont pas pu démarrer, l’émission continue en local : {0}</translation>
    </message>
    <message>
        <source>Connecting to the broker…</source>
        <translation>Connexion au broker…</translation>
    </message>
    <message>
        <source>the broker refused the user or the password: check User and Password.</source>
        <translation>le broker a refusé l’utilisateur ou le mot de passe : vérifiez Utilisateur et Mot de passe.</translation>
    </message>
    <message>
        <source>TLS with the broker failed: check the address (mqtts:// and wss:// need a TLS port) and the CA file.</source>
        <translation>le TLS avec le broker a échoué : vérifiez l’adresse (mqtts:// et wss:// demandent un port TLS) et le fichier CA.</translation>
    </message>
    <message>
        <source>the broker&apos;s host name is not found: check the Broker address.</source>
        <translation>le nom d’hôte du broker est introuvable : vérifiez l’adresse du broker.</translation>
    </message>
    <message>
        <source>the broker does not accept connections: is it running, on this port?</source>
        <translation>le broker n’accepte pas de connexion : tourne-t-il, sur ce port ?</translation>
    </message>
    <message>
        <source>the broker does not answer (timed out).</source>
        <translation>le broker ne répond pas (délai dépassé).</translation>
    </message>
    <message>
        <source>the broker cannot be reached ({0}).</source>
        <translation>le broker est injoignable ({0}).</translation>
    </message>
    <message>
        <source>Remote links down: {0} Retrying; the show goes on locally.</source>
        <translation>Liens à distance coupés : {0} Nouvel essai en cours ; l’émission continue en local.</translation>
    </message>
    <message>
        <source>Turn on and share</source>
        <translation>Activer et partager</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>ReportPlots</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Estimé</translation>
    </message>
    <message>
        <source>min (+ late)</source>
        <translation>min (+ retard)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exporter le rapport…</translation>
    </message>
    <message>
        <source>Export plot as PNG…</source>
        <translation>Exporter le graphique en PNG…</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>Passage :</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparer avec :</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Séquences</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Over/under</source>
        <translation>Avance/retard</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Comparer les passages</translation>
    </message>
    <message>
        <source>Notes to the moderator</source>
        <translation>Notes au modérateur</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>Début prévu</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Début réel</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pauses</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>Fin réelle</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votes</translation>
    </message>
    <message>
        <source>Asked at</source>
        <translation>Posée à</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>On air</source>
        <translation>À l’antenne</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>vs answer timer</source>
        <translation>écart au minuteur de réponse</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <source>network · {0}</source>
        <translation>réseau · {0}</translation>
    </message>
    <message>
        <source>network</source>
        <translation>réseau</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Read at</source>
        <translation>Lue à</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>non lue</translation>
    </message>
    <message>
        <source>Questions: {0} answered, {1} on air, {2} shortlisted, {3} dismissed, {4} not reached; {5} in the show, {6} duplicate(s) merged.</source>
        <translation>Questions : {0} répondue(s), {1} à l’antenne, {2} présélectionnée(s), {3} écartée(s), {4} non atteinte(s) ; {5} dans l’émission, {6} doublon(s) fusionné(s).</translation>
    </message>
    <message>
        <source>Messages: {0}. Run sheet edits: {1}. Times in {2}.</source>
        <translation>Messages : {0}. Modifications du conducteur : {1}. Heures en {2}.</translation>
    </message>
    <message>
        <source>Asker</source>
        <translation>Auteur·e</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>A: starts at</source>
        <translation>A : début</translation>
    </message>
    <message>
        <source>A: took</source>
        <translation>A : durée</translation>
    </message>
    <message>
        <source>A: over/under</source>
        <translation>A : avance/retard</translation>
    </message>
    <message>
        <source>B: starts at</source>
        <translation>B : début</translation>
    </message>
    <message>
        <source>B: took</source>
        <translation>B : durée</translation>
    </message>
    <message>
        <source>B: over/under</source>
        <translation>B : avance/retard</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>on air</source>
        <translation>à l&apos;antenne</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>non atteinte</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <source>shortlisted</source>
        <translation>présélectionnée</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>écartée</translation>
    </message>
    <message>
        <source>Cannot read the journal: {0}</source>
        <translation>Impossible de lire le journal : {0}</translation>
    </message>
    <message>
        <source>(no comparison)</source>
        <translation>(aucune comparaison)</translation>
    </message>
    <message>
        <source>Run {0}</source>
        <translation>Passage {0}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>no finish</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>non commencé</translation>
    </message>
    <message>
        <source>A: {0}    B: {1}</source>
        <translation>A : {0}    B : {1}</translation>
    </message>
    <message>
        <source>Choose a run to compare with, above.</source>
        <translation>Choisissez ci-dessus un passage à comparer.</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0} de {1}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Planned end {0}; the run is in progress: projected end {1}, over/under now {2}.</source>
        <translation>Fin prévue {0} ; passage en cours : fin estimée {1}, avance/retard actuel {2}.</translation>
    </message>
    <message>
        <source>Planned start {0}, actual start {1} ({2}).</source>
        <translation>Début prévu {0}, début réel {1} ({2}).</translation>
    </message>
    <message>
        <source>Planned end {0}, actual end {1}; final over/under {2}.</source>
        <translation>Fin prévue {0}, fin réelle {1} ; avance/retard final {2}.</translation>
    </message>
    <message>
        <source>Longest overrun: {0}. Paused {1} in {2} pause(s); time added {3}.</source>
        <translation>Plus long dépassement : {0}. En pause {1} en {2} pause(s) ; temps ajouté {3}.</translation>
    </message>
    <message>
        <source>This run was never started: there are no actual times.</source>
        <translation>Ce passage n&apos;a jamais démarré : il n&apos;y a aucun horaire réel.</translation>
    </message>
    <message>
        <source>This run is in progress; on air: «{0}».</source>
        <translation>Ce passage est en cours ; à l&apos;antenne : « {0} ».</translation>
    </message>
    <message>
        <source>This run is in progress.</source>
        <translation>Ce passage est en cours.</translation>
    </message>
    <message>
        <source>Its end and final over/under are known when it finishes.</source>
        <translation>Sa fin et son avance/retard final seront connus une fois terminé.</translation>
    </message>
    <message>
        <source>This run stopped without a finish: its journal ends at {0} during «{1}». That segment&apos;s end, the show&apos;s end and the final over/under are unknown.</source>
        <translation>Ce passage s&apos;est arrêté sans être terminé : son journal s&apos;arrête à {0} pendant « {1} ». La fin de cette séquence, la fin de l&apos;émission et l&apos;avance/retard final sont inconnus.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Classeur Excel (*.xlsx);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>Export de {0}…</translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation>Rapport enregistré dans {0}</translation>
    </message>
    <message>
        <source>Export plot as PNG</source>
        <translation>Exporter le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}</source>
        <translation>Impossible d’écrire {0} : {1}</translation>
    </message>
    <message>
        <source>Plot written to {0}</source>
        <translation>Graphique enregistré dans {0}</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>Read only: the timer and an overlay, for speakers&apos; tablets, a TV in the room or a broadcast mixer. Nothing can be changed.</source>
        <translation>Lecture seule : le minuteur et une incrustation, pour les tablettes des intervenants, un écran dans la salle ou une régie de diffusion. Rien ne peut être modifié.</translation>
    </message>
    <message>
        <source>For your team only: edit the run sheet, send messages to the speaker and notes to you, manage the questions.</source>
        <translation>Pour votre équipe seulement : modifier le conducteur, envoyer des messages à l’intervenant et des notes pour vous, gérer les questions.</translation>
    </message>
    <message>
        <source>Full control of the timer (start, next, add time…) over HTTP GET, OSC or WebSocket: for Bitfocus Companion, vMix or a Stream Deck. Includes everything the producer may do.</source>
        <translation>Pilotage complet du minuteur (démarrer, suivante, ajouter du temps…) par HTTP GET, OSC ou WebSocket : pour Bitfocus Companion, vMix ou un Stream Deck. Comprend tout ce que peut faire la production.</translation>
    </message>
    <message>
        <source>Anyone with this link can send a question (one every 10 seconds); it arrives as new in the Questions tab.</source>
        <translation>Toute personne ayant ce lien peut envoyer une question (une toutes les 10 secondes) ; elle arrive comme nouvelle dans l’onglet Questions.</translation>
    </message>
    <message>
        <source>New key for this role…</source>
        <translation>Nouvelle clé pour ce rôle…</translation>
    </message>
    <message>
        <source>Makes new links for this role: the links given out so far stop working.</source>
        <translation>Crée de nouveaux liens pour ce rôle : les liens déjà donnés cessent de fonctionner.</translation>
    </message>
    <message>
        <source>The links appear here once the show is shared.</source>
        <translation>Les liens apparaissent ici une fois l’émission partagée.</translation>
    </message>
    <message>
        <source>Audience questions are off: tick “Audience questions (/ask)” and apply to share this link.</source>
        <translation>Les questions du public sont désactivées : cochez « Questions du public (/ask) » et appliquez pour partager ce lien.</translation>
    </message>
</context>
<context>
    <name>RunSheetChanges</name>
    <message>
        <source>{0} (cleared)</source>
        <translation>{0} (désormais vide)</translation>
    </message>
    <message>
        <source>Added: {0}</source>
        <translation>Ajoutée : {0}</translation>
    </message>
    <message>
        <source>Removed: {0}</source>
        <translation>Supprimée : {0}</translation>
    </message>
    <message>
        <source>Moved: {0}</source>
        <translation>Déplacée : {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0} : {1}</translation>
    </message>
    <message>
        <source>Show: {0}</source>
        <translation>Émission : {0}</translation>
    </message>
    <message>
        <source>Nothing in the show changes.</source>
        <translation>Rien ne change dans l’émission.</translation>
    </message>
</context>
<context>
    <name>RunSheetEditor</name>
    <message>
        <source>5, 5 min, 0:05:00, 1h05, 90s</source>
        <translation>5, 5 min, 0:05:00, 1h05, 90s</translation>
    </message>
    <message>
        <source>16:05 — empty: follows the previous segment</source>
        <translation>16:05 — vide : suit la séquence précédente</translation>
    </message>
    <message>
        <source>e.g. America/Toronto</source>
        <translation>p. ex. America/Toronto</translation>
    </message>
    <message>
        <source>Show properties</source>
        <translation>Propriétés de l’émission</translation>
    </message>
    <message>
        <source>Import a run sheet</source>
        <translation>Importer un conducteur</translation>
    </message>
    <message>
        <source>Run sheet imported from {0}</source>
        <translation>Conducteur importé depuis {0}</translation>
    </message>
    <message>
        <source>Segment title</source>
        <translation>Titre de la séquence</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a segment at the end</source>
        <translation>Ajouter une séquence à la fin</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>Insérer</translation>
    </message>
    <message>
        <source>Insert a segment above the selected one</source>
        <translation>Insérer une séquence au-dessus de la sélection</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Duplicate the selected segment</source>
        <translation>Dupliquer la séquence sélectionnée</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected segment</source>
        <translation>Supprimer la séquence sélectionnée</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move the selected segment up</source>
        <translation>Monter la séquence sélectionnée</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the selected segment down</source>
        <translation>Descendre la séquence sélectionnée</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>The show file could not be written: {0}</source>
        <translation>Impossible d’écrire le fichier de l’émission : {0}</translation>
    </message>
    <message>
        <source>Nothing to undo in the run sheet</source>
        <translation>Rien à annuler dans le conducteur</translation>
    </message>
    <message>
        <source>Nothing to redo in the run sheet</source>
        <translation>Rien à rétablir dans le conducteur</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modification</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Déplacement</translation>
    </message>
    <message>
        <source>Replace the run sheet</source>
        <translation>Remplacer le conducteur</translation>
    </message>
    <message>
        <source>{0} segments</source>
        <translation>{0} séquences</translation>
    </message>
    <message>
        <source>total {0}</source>
        <translation>total {0}</translation>
    </message>
    <message>
        <source>ends {0}</source>
        <translation>fin {0}</translation>
    </message>
    <message>
        <source>planned end {0}</source>
        <translation>fin prévue {0}</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>dans les temps</translation>
    </message>
    <message>
        <source>{0} over</source>
        <translation>{0} de dépassement</translation>
    </message>
    <message>
        <source>{0} under</source>
        <translation>{0} d’avance</translation>
    </message>
    <message>
        <source>live: ends {0}, {1}</source>
        <translation>en direct : fin {0}, {1}</translation>
    </message>
    <message>
        <source>Export the run sheet</source>
        <translation>Exporter le conducteur</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Run sheet exported to {0}</source>
        <translation>Conducteur exporté vers {0}</translation>
    </message>
    <message>
        <source>Run sheet</source>
        <translation>Conducteur</translation>
    </message>
    <message>
        <source>&amp;Import a spreadsheet…</source>
        <translation>&amp;Importer un tableur…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Link to a producer&apos;s spreadsheet…</source>
        <translation>&amp;Lier au tableur du producteur…</translation>
    </message>
    <message>
        <source>&amp;Unlink</source>
        <translation>&amp;Délier</translation>
    </message>
    <message>
        <source>Show &amp;properties…</source>
        <translation>&amp;Propriétés de l’émission…</translation>
    </message>
</context>
<context>
    <name>RunSheetLink</name>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Linked to {0}</source>
        <translation>Lié à {0}</translation>
    </message>
    <message>
        <source>Link to a producer&apos;s spreadsheet</source>
        <translation>Lier au tableur du producteur</translation>
    </message>
    <message>
        <source>The run sheet is no longer linked</source>
        <translation>Le conducteur n’est plus lié</translation>
    </message>
    <message>
        <source>The linked sheet {0} is gone; the run sheet stays as it is</source>
        <translation>Le tableur lié {0} a disparu ; le conducteur reste tel quel</translation>
    </message>
    <message>
        <source>The linked sheet {0} cannot be opened; the run sheet stays as it is</source>
        <translation>Le tableur lié {0} ne peut pas être ouvert ; le conducteur reste tel quel</translation>
    </message>
    <message>
        <source>The linked sheet cannot be read: {0}</source>
        <translation>Le tableur lié est illisible : {0}</translation>
    </message>
    <message>
        <source>The linked sheet changed: {0}. During the show, what has run and the segment on air stay as they are.</source>
        <translation>Le tableur lié a changé : {0}. Pendant l’émission, ce qui est passé et la séquence à l’antenne restent inchangés.</translation>
    </message>
    <message>
        <source>; and {0} more</source>
        <translation> ; et {0} de plus</translation>
    </message>
    <message>
        <source>show details</source>
        <translation>détails de l’émission</translation>
    </message>
    <message>
        <source>Run sheet updated from {0}: {1}</source>
        <translation>Conducteur mis à jour depuis {0} : {1}</translation>
    </message>
</context>
<context>
    <name>RunSheetModel</name>
    <message>
        <source>Messages sent by themselves: “2:00 2 minutes; 0:30! Wrap up; +0:00! Time is up” (+ past the end, ! with the chime). Empty: the show&apos;s cues; “none”: no cues.</source>
        <translation>Messages envoyés d’eux-mêmes : « 2:00 2 minutes; 0:30! Merci de conclure; +0:00! Temps écoulé » (+ après la fin, ! avec le carillon). Vide : les messages du webinaire ; « aucun » : pas de message.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Starts by itself at its hard start if the segment before is still on air</source>
        <translation>Démarre d’elle-même à son heure fixe si la séquence précédente est encore à l’antenne</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Speaker time zone</source>
        <translation>Fuseau de l’intervenant</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Danger</source>
        <translation>Danger</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>Messages auto</translation>
    </message>
    <message>
        <source>Auto-start</source>
        <translation>Démarrage auto</translation>
    </message>
    <message>
        <source>Hard start: this segment waits for its clock time</source>
        <translation>Heure fixe : cette séquence attend son heure</translation>
    </message>
    <message>
        <source>Follows the previous segment; type a time to fix it</source>
        <translation>Suit la séquence précédente ; tapez une heure pour la fixer</translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <source>Projected</source>
        <translation>Estimé</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
</context>
<context>
    <name>SegmentKind</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Conclusions</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Clôture</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Timer for the speakers (tablet, phone, TV)</source>
        <translation>Minuteur pour les intervenants (tablette, téléphone, écran)</translation>
    </message>
    <message>
        <source>Overlay for OBS or vMix (transparent background)</source>
        <translation>Incrustation pour OBS ou vMix (fond transparent)</translation>
    </message>
    <message>
        <source>Backstage: live state, rundown, notes to the moderator</source>
        <translation>Coulisses : direct, conducteur, notes au modérateur</translation>
    </message>
    <message>
        <source>Run sheet, editable</source>
        <translation>Conducteur, modifiable</translation>
    </message>
    <message>
        <source>Question queue for a co-moderator</source>
        <translation>File des questions pour un co-modérateur</translation>
    </message>
    <message>
        <source>Control API base (Companion, scripts): add start, pause, start/next…</source>
        <translation>Base de l’API de pilotage (Companion, scripts) : ajoutez start, pause, start/next…</translation>
    </message>
    <message>
        <source>Question form for the audience</source>
        <translation>Formulaire de questions pour le public</translation>
    </message>
    <message>
        <source>Share on network</source>
        <translation>Partager sur le réseau</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <source>OSC control (UDP {0})</source>
        <translation>Pilotage OSC (UDP {0})</translation>
    </message>
    <message>
        <source>Audience questions (/ask)</source>
        <translation>Questions du public (/ask)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Apply and restart</source>
        <translation>Appliquer et redémarrer</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
    <message>
        <source>Use a free port</source>
        <translation>Prendre un port libre</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Speakers (view)</source>
        <translation>Intervenants (lecture)</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Pilotage</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>Remote links</source>
        <translation>Liens à distance</translation>
    </message>
    <message>
        <source>Shared on {0}:{1}</source>
        <translation>Partagé sur {0}:{1}</translation>
    </message>
    <message>
        <source>Starting the server…</source>
        <translation>Démarrage du serveur…</translation>
    </message>
    <message>
        <source>Not shared: nobody on the network can see this show.</source>
        <translation>Non partagé : personne sur le réseau ne voit cette émission.</translation>
    </message>
    <message>
        <source>This computer&apos;s addresses: {0} · port {1}</source>
        <translation>Adresses de cet ordinateur : {0} · port {1}</translation>
    </message>
    <message>
        <source>The show file cannot be written: these links work only until sharing stops.</source>
        <translation>Le fichier de l’émission ne peut pas être écrit : ces liens ne fonctionnent que jusqu’à l’arrêt du partage.</translation>
    </message>
</context>
<context>
    <name>ShowPropertiesDialog</name>
    <message>
        <source>Show properties</source>
        <translation>Propriétés de l’émission</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Séparés par des virgules</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>e.g. 2:00 2 minutes; 0:30! Wrap up</source>
        <translation>par ex. 2:00 2 minutes; 0:30! Merci de conclure</translation>
    </message>
    <message>
        <source>Automatic cues</source>
        <translation>Messages automatiques</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>Fin prévue</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation>Organisateurs</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>Modération</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>The planned end must come after the start</source>
        <translation>La fin prévue doit suivre le début</translation>
    </message>
</context>
<context>
    <name>SideTimers</name>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Timer {0}</source>
        <translation>Minuteur {0}</translation>
    </message>
    <message>
        <source>Segment {0} starts by itself in {1} — {2} cancels</source>
        <translation>La séquence {0} démarre d’elle-même dans {1} — {2} annule</translation>
    </message>
    <message>
        <source>Started &amp;at…</source>
        <translation>&amp;Commencé à…</translation>
    </message>
    <message>
        <source>Set &amp;elapsed…</source>
        <translation>&amp;Durée écoulée…</translation>
    </message>
    <message>
        <source>Cancel the automatic start</source>
        <translation>Annuler le démarrage automatique</translation>
    </message>
    <message>
        <source>&amp;Timers…</source>
        <translation>&amp;Minuteurs…</translation>
    </message>
    <message>
        <source>Start or pause timer {0}</source>
        <translation>Démarrer ou suspendre le minuteur {0}</translation>
    </message>
    <message>
        <source>This show is open read-only here.</source>
        <translation>Ce webinaire est ouvert en lecture seule ici.</translation>
    </message>
    <message>
        <source>Cannot write the show file: {0}</source>
        <translation>Impossible d’écrire le fichier du webinaire : {0}</translation>
    </message>
    <message>
        <source>Started at…</source>
        <translation>Commencé à…</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Commencé à</translation>
    </message>
    <message>
        <source>16:05, 16:05:30, 2 min ago or -120</source>
        <translation>16:05, 16:05:30, il y a 2 min ou -120</translation>
    </message>
    <message>
        <source>the segment on air</source>
        <translation>la séquence à l’antenne</translation>
    </message>
    <message>
        <source>the show (its first segment)</source>
        <translation>le webinaire (sa première séquence)</translation>
    </message>
    <message>
        <source>Set elapsed…</source>
        <translation>Durée écoulée…</translation>
    </message>
    <message>
        <source>The segment has run</source>
        <translation>La séquence dure depuis</translation>
    </message>
    <message>
        <source>seconds, or m:ss</source>
        <translation>secondes, ou m:ss</translation>
    </message>
    <message>
        <source>No automatic start is counting down</source>
        <translation>Aucun démarrage automatique n’est en cours</translation>
    </message>
    <message>
        <source>Automatic start cancelled</source>
        <translation>Démarrage automatique annulé</translation>
    </message>
    <message>
        <source>“{0}” started by itself at its fixed start (Ctrl+Z undoes)</source>
        <translation>« {0} » a démarré d’elle-même à son heure fixe (Ctrl+Z annule)</translation>
    </message>
    <message>
        <source>Clock not checked: {0}</source>
        <translation>Horloge non vérifiée : {0}</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s behind the time server {1}: times of day on screen may be wrong; the timer itself is not affected</source>
        <translation>L’horloge de cet ordinateur retarde de {0} s sur le serveur de temps {1} : les heures affichées peuvent être fausses ; le minuteur lui-même n’est pas touché</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {0} s ahead of the time server {1}: times of day on screen may be wrong; the timer itself is not affected</source>
        <translation>L’horloge de cet ordinateur avance de {0} s sur le serveur de temps {1} : les heures affichées peuvent être fausses ; le minuteur lui-même n’est pas touché</translation>
    </message>
</context>
<context>
    <name>SourceWatcher</name>
    <message>
        <source>{0}: the linked file is gone; its questions stay</source>
        <translation>{0} : le fichier lié a disparu ; ses questions restent</translation>
    </message>
    <message>
        <source>{0}: the linked file cannot be opened; its questions stay</source>
        <translation>{0} : le fichier lié ne peut pas être ouvert ; ses questions restent</translation>
    </message>
</context>
<context>
    <name>Span</name>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} j {1} h</translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <source>Starts in</source>
        <translation>Début dans</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>No segment</source>
        <translation>Aucune séquence</translation>
    </message>
</context>
<context>
    <name>StageWindow</name>
    <message>
        <source>Stage display — {0}</source>
        <translation>Affichage scène — {0}</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>No segments in the run sheet</source>
        <translation>Aucune séquence dans le déroulé</translation>
    </message>
</context>
<context>
    <name>TimerPanel</name>
    <message>
        <source>Elapsed</source>
        <translation>Écoulé</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <source>Time ({0})</source>
        <translation>Heure ({0})</translation>
    </message>
    <message>
        <source>Top: the plan. Bottom: what happened and the re-plan. Pink line: now.</source>
        <translation>En haut : le prévu. En bas : le réel et la nouvelle estimation. Trait rose : maintenant.</translation>
    </message>
    <message>
        <source>◷ Starts in</source>
        <translation>◷ Début dans</translation>
    </message>
    <message>
        <source>◷ Ready: press Space to start</source>
        <translation>◷ Prêt : Espace pour démarrer</translation>
    </message>
    <message>
        <source>✓ Show finished</source>
        <translation>✓ Direct terminé</translation>
    </message>
    <message>
        <source>❚❚ PAUSED — {0}</source>
        <translation>❚❚ EN PAUSE — {0}</translation>
    </message>
    <message>
        <source>First: </source>
        <translation>D’abord : </translation>
    </message>
    <message>
        <source>No segment in the run sheet</source>
        <translation>Aucune séquence dans le déroulé</translation>
    </message>
    <message>
        <source>Next at {0}: {1}</source>
        <translation>Ensuite à {0} : {1}</translation>
    </message>
    <message>
        <source>Next: end of show</source>
        <translation>Ensuite : fin du direct</translation>
    </message>
    <message>
        <source>Show: not started</source>
        <translation>Émission : pas commencée</translation>
    </message>
    <message>
        <source>Show: {0}</source>
        <translation>Émission : {0}</translation>
    </message>
    <message>
        <source>ends {0} (planned {1})</source>
        <translation>fin {0} (prévue {1})</translation>
    </message>
    <message>
        <source>segment {0} · show {1}</source>
        <translation>séquence {0} · direct {1}</translation>
    </message>
    <message>
        <source>Not started — add segments to the run sheet first</source>
        <translation>Pas commencé — ajoutez d’abord des séquences au déroulé</translation>
    </message>
    <message>
        <source>Not started — starts {0} at {1}</source>
        <translation>Pas commencé — début le {0} à {1}</translation>
    </message>
    <message>
        <source>Not started — starts at {0}</source>
        <translation>Pas commencé — début à {0}</translation>
    </message>
    <message>
        <source>Not started — the planned start ({0}) was {1} ago; Space starts a rehearsal</source>
        <translation>Pas commencé — le début prévu ({0}) date de {1} ; Espace lance une répétition</translation>
    </message>
    <message>
        <source>Not started — planned for {0}, {1} ago</source>
        <translation>Pas commencé — prévu à {0}, il y a {1}</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSE</translation>
    </message>
    <message>
        <source>Show finished</source>
        <translation>Direct terminé</translation>
    </message>
    <message>
        <source>Live — segment {0} of {1}</source>
        <translation>En direct — séquence {0} sur {1}</translation>
    </message>
    <message>
        <source>?  {0} — unknown time zone “{1}”</source>
        <translation>?  {0} — fuseau horaire inconnu « {1} »</translation>
    </message>
    <message>
        <source>no speaker time zones</source>
        <translation>aucun fuseau horaire d’intervenant</translation>
    </message>
</context>
<context>
    <name>TourCard</name>
    <message>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Close the tour</source>
        <translation>Fermer la visite</translation>
    </message>
    <message>
        <source>Tour {0} of {1}</source>
        <translation>Visite {0} sur {1}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>Zone</name>
    <message>
        <source>Unknown time zone “{0}”: times are shown in UTC</source>
        <translation>Fuseau horaire inconnu « {0} » : heures affichées en UTC</translation>
    </message>
    <message>
        <source> ({0:+d} day)</source>
        <translation> ({0:+d} j)</translation>
    </message>
</context>
<context>
    <name>_Attached</name>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation>Rapport enregistré dans {0}</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exporter le rapport…</translation>
    </message>
    <message>
        <source>Export plot as PNG…</source>
        <translation>Exporter le graphique en PNG…</translation>
    </message>
    <message>
        <source>Refresh report</source>
        <translation>Actualiser le rapport</translation>
    </message>
</context>
</TS>

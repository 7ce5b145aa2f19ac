/**
 * The placeholder text of a new release, per language (primary subtag);
 * English for any other language. Each text tells the author what to write
 * there, in the language of the file. Every text must build without a
 * warning in every layout (test/new/new.test.ts builds them all), and only
 * `background` may hold Markdown (one link).
 */
export type Placeholders = {
  title: string;
  standfirst: string;
  organization: string;
  place: string;
  contactName: string;
  lede: string;
  /** A paragraph with a quotation in the body. */
  body: string;
  /** The pull quote, with the language's quotation marks. */
  quote: string;
  attribution: string;
  /** Markdown: one link to https://example.org. */
  background: string;
};

const PLACEHOLDERS: Record<string, Placeholders> = {
  en: {
    title: "Headline of the release in one line",
    standfirst: "One sentence that sums up the news.",
    organization: "Name of the organisation",
    place: "Town",
    contactName: "Press office",
    lede: "Start with what matters most: who did what, when, where and why.",
    body: "“Write the quotation here,” said First Last, their role. Add one or two paragraphs with the details.",
    quote: "“The one sentence a reader should remember.”",
    attribution: "First Last, their role",
    background: "Write the background here: the history, the figures and a [link to more information](https://example.org).",
  },
  uk: {
    title: "Заголовок прес-релізу одним рядком",
    standfirst: "Одне речення, яке підсумовує новину.",
    organization: "Назва організації",
    place: "Місто",
    contactName: "Пресслужба",
    lede: "Почніть з головного: хто, що, коли, де і чому.",
    body: "«Тут цитата», — сказав Ім’я Прізвище, посада. Додайте ще один-два абзаци з подробицями.",
    quote: "«Одне речення, яке читач має запам’ятати.»",
    attribution: "Ім’я Прізвище, посада",
    background: "Тут довідкова інформація: історія, цифри і [посилання на докладнішу інформацію](https://example.org).",
  },
  de: {
    title: "Überschrift der Pressemitteilung in einer Zeile",
    standfirst: "Ein Satz, der die Nachricht zusammenfasst.",
    organization: "Name der Organisation",
    place: "Ort",
    contactName: "Pressestelle",
    lede: "Das Wichtigste zuerst: wer, was, wann, wo und warum.",
    body: "„Hier steht das Zitat“, sagte Vorname Nachname, Funktion. Fügen Sie ein oder zwei Absätze mit Einzelheiten hinzu.",
    quote: "„Der eine Satz, den sich die Leser merken sollen.“",
    attribution: "Vorname Nachname, Funktion",
    background: "Hier stehen die Hintergründe: Geschichte, Zahlen und ein [Link zu weiteren Informationen](https://example.org).",
  },
  fr: {
    title: "Titre du communiqué en une ligne",
    standfirst: "Une phrase qui résume la nouvelle.",
    organization: "Nom de l’organisation",
    place: "Ville",
    contactName: "Service de presse",
    lede: "Commencez par l’essentiel : qui, quoi, quand, où et pourquoi.",
    body: "« Votre citation ici », a déclaré Prénom Nom, fonction. Ajoutez un ou deux paragraphes de détails.",
    quote: "« La phrase que le lecteur doit retenir. »",
    attribution: "Prénom Nom, fonction",
    background: "Le contexte ici : l’historique, les chiffres et un [lien vers plus d’informations](https://example.org).",
  },
  es: {
    title: "Titular de la nota en una línea",
    standfirst: "Una frase que resume la noticia.",
    organization: "Nombre de la organización",
    place: "Ciudad",
    contactName: "Oficina de prensa",
    lede: "Empiece por lo esencial: quién, qué, cuándo, dónde y por qué.",
    body: "«Aquí va la cita», dijo Nombre Apellido, cargo. Añada uno o dos párrafos con los detalles.",
    quote: "«La frase que el lector debe recordar.»",
    attribution: "Nombre Apellido, cargo",
    background: "Aquí van los antecedentes: la historia, las cifras y un [enlace a más información](https://example.org).",
  },
  ar: {
    title: "عنوان البيان في سطر واحد",
    standfirst: "جملة واحدة تلخص الخبر.",
    organization: "اسم المنظمة",
    place: "المدينة",
    contactName: "المكتب الإعلامي",
    lede: "ابدأ بأهم المعلومات: من، وماذا، ومتى، وأين، ولماذا.",
    body: "«اكتب الاقتباس هنا»، قال الاسم واللقب، المنصب. أضف فقرة أو فقرتين بالتفاصيل.",
    quote: "«الجملة التي يجب أن يتذكرها القارئ.»",
    attribution: "الاسم واللقب، المنصب",
    background: "اكتب هنا معلومات الخلفية: التاريخ والأرقام و[رابطًا إلى مزيد من المعلومات](https://example.org).",
  },
  he: {
    title: "כותרת ההודעה בשורה אחת",
    standfirst: "משפט אחד שמסכם את החדשות.",
    organization: "שם הארגון",
    place: "העיר",
    contactName: "הדוברות",
    lede: "התחילו בעיקר: מי, מה, מתי, איפה ולמה.",
    body: "\"כתבו כאן את הציטוט\", אמר שם פרטי ומשפחה, תפקיד. הוסיפו פסקה או שתיים עם הפרטים.",
    quote: "\"המשפט שהקוראים צריכים לזכור.\"",
    attribution: "שם פרטי ומשפחה, תפקיד",
    background: "כאן מידע הרקע: ההיסטוריה, המספרים ו[קישור למידע נוסף](https://example.org).",
  },
  pl: {
    title: "Tytuł komunikatu w jednym wierszu",
    standfirst: "Jedno zdanie, które streszcza wiadomość.",
    organization: "Nazwa organizacji",
    place: "Miasto",
    contactName: "Biuro prasowe",
    lede: "Zacznij od najważniejszego: kto, co, kiedy, gdzie i dlaczego.",
    body: "„Tu wpisz cytat” – powiedział Imię Nazwisko, stanowisko. Dodaj jeden lub dwa akapity ze szczegółami.",
    quote: "„Jedno zdanie, które czytelnik powinien zapamiętać.”",
    attribution: "Imię Nazwisko, stanowisko",
    background: "Tu wpisz informacje dodatkowe: historię, liczby i [link do dalszych informacji](https://example.org).",
  },
  el: {
    title: "Ο τίτλος της ανακοίνωσης σε μία γραμμή",
    standfirst: "Μία πρόταση που συνοψίζει την είδηση.",
    organization: "Όνομα του φορέα",
    place: "Πόλη",
    contactName: "Γραφείο Τύπου",
    lede: "Ξεκινήστε με τα βασικά: ποιος, τι, πότε, πού και γιατί.",
    body: "«Εδώ γράψτε τη δήλωση», δήλωσε ο Όνομα Επώνυμο, ιδιότητα. Προσθέστε μία ή δύο παραγράφους με λεπτομέρειες.",
    quote: "«Η μία πρόταση που πρέπει να θυμάται ο αναγνώστης.»",
    attribution: "Όνομα Επώνυμο, ιδιότητα",
    background: "Εδώ γράψτε το ιστορικό: τα στοιχεία, τους αριθμούς και έναν [σύνδεσμο για περισσότερες πληροφορίες](https://example.org).",
  },
  it: {
    title: "Titolo del comunicato in una riga",
    standfirst: "Una frase che riassume la notizia.",
    organization: "Nome dell’organizzazione",
    place: "Città",
    contactName: "Ufficio stampa",
    lede: "Cominciate dall’essenziale: chi, che cosa, quando, dove e perché.",
    body: "«Qui va la citazione», ha dichiarato Nome Cognome, ruolo. Aggiungete uno o due paragrafi con i dettagli.",
    quote: "«La frase che il lettore deve ricordare.»",
    attribution: "Nome Cognome, ruolo",
    background: "Qui va il contesto: la storia, i numeri e un [link a ulteriori informazioni](https://example.org).",
  },
  pt: {
    title: "Título do comunicado numa linha",
    standfirst: "Uma frase que resume a notícia.",
    organization: "Nome da organização",
    place: "Cidade",
    contactName: "Gabinete de imprensa",
    lede: "Comece pelo essencial: quem, o quê, quando, onde e porquê.",
    body: "«Escreva aqui a citação», disse Nome Apelido, cargo. Acrescente um ou dois parágrafos com os pormenores.",
    quote: "«A frase de que o leitor se deve lembrar.»",
    attribution: "Nome Apelido, cargo",
    background: "Escreva aqui o contexto: a história, os números e uma [ligação para mais informações](https://example.org).",
  },
  nl: {
    title: "Kop van het persbericht op één regel",
    standfirst: "Eén zin die het nieuws samenvat.",
    organization: "Naam van de organisatie",
    place: "Plaats",
    contactName: "Persvoorlichting",
    lede: "Begin met het belangrijkste: wie, wat, wanneer, waar en waarom.",
    body: "‘Hier komt het citaat’, zei Voornaam Achternaam, functie. Voeg een of twee alinea’s met details toe.",
    quote: "‘De ene zin die de lezer moet onthouden.’",
    attribution: "Voornaam Achternaam, functie",
    background: "Hier komt de achtergrond: de geschiedenis, de cijfers en een [link naar meer informatie](https://example.org).",
  },
  ru: {
    title: "Заголовок пресс-релиза в одну строку",
    standfirst: "Одно предложение, которое подытоживает новость.",
    organization: "Название организации",
    place: "Город",
    contactName: "Пресс-служба",
    lede: "Начните с главного: кто, что, когда, где и почему.",
    body: "«Здесь цитата», — сказал Имя Фамилия, должность. Добавьте один-два абзаца с подробностями.",
    quote: "«Одно предложение, которое читатель должен запомнить.»",
    attribution: "Имя Фамилия, должность",
    background: "Здесь справочная информация: история, цифры и [ссылка на подробности](https://example.org).",
  },
};

/** The placeholders for `lang`, and whether they are in that language (false: the English fallback). */
export function placeholdersFor(lang: string): { text: Placeholders; inLanguage: boolean } {
  const own = PLACEHOLDERS[lang.split("-")[0]!.toLowerCase()];
  return own ? { text: own, inLanguage: true } : { text: PLACEHOLDERS.en!, inLanguage: false };
}

/** The languages with placeholders of their own (for tests). */
export const PLACEHOLDER_LANGUAGES = Object.keys(PLACEHOLDERS);

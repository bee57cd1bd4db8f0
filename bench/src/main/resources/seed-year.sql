-- A year of realistic chats for one library, generated inside Postgres with set-based statements.
-- Run by YearOfChats after it has filled the temporary table year_params (library_id, chats).
-- Each step begins with a line "-- step: <name>"; YearOfChats runs and times them one by one.
-- The same random seed gives the same year: the generator sets it before the first random().

-- step: seed
SELECT setseed(0.16);

-- step: queues
INSERT INTO queues (library_id, slug, name)
SELECT p.library_id, 'y' || p.library_id || '-' || q.slug, q.name
  FROM year_params p,
       (VALUES ('research', 'Research help'), ('science', 'Science library'),
               ('espanol', 'Ayuda en español')) AS q (slug, name)
ON CONFLICT (slug) DO NOTHING;

-- step: operators
-- Staff of the past year. They cannot sign in ('!' is no password hash); their names show in results.
INSERT INTO operators (library_id, username, display_name, password_hash, role)
SELECT p.library_id, 'y' || p.library_id || '-' || lower(split_part(o.name, ' ', 1)), o.name, '!', 'operator'
  FROM year_params p,
       (VALUES ('Dana Whitfield'), ('Marco Ruiz'), ('Priya Natarajan'), ('Tom Becker'),
               ('Lucía Fernández'), ('Grace Liu'), ('Omar Haddad'), ('Hannah Kowalski')) AS o (name)
ON CONFLICT (username) DO NOTHING;

-- step: tags
INSERT INTO tags (library_id, name)
SELECT p.library_id, t.name
  FROM year_params p,
       (VALUES ('Renewals'), ('Interlibrary loan'), ('Databases'), ('Citation'), ('Printing'),
               ('Hours'), ('Accounts'), ('Research'), ('Technology'), ('Spanish'), ('Follow-up'),
               ('Course reserves')) AS t (name)
ON CONFLICT (library_id, lower(name)) DO NOTHING;

-- step: topics
-- What patrons ask about: the tag a librarian gives such a chat, how often it comes, and the words
-- of its questions, the librarian's answers and the patron's follow-ups. The Spanish topic is
-- asked and answered in Spanish.
CREATE TEMP TABLE year_topics (
    n            int PRIMARY KEY,
    tag          text NOT NULL,
    question_type text NOT NULL,
    weight       float8 NOT NULL,
    questions    text[] NOT NULL,
    answers      text[] NOT NULL,
    follow_ups   text[] NOT NULL
) ON COMMIT DROP;
INSERT INTO year_topics VALUES
 (1, 'Renewals', 'Circulation', 14,
  ARRAY['How do I renew my books online?', 'Can I renew a laptop loan for another week?',
        'My books are due tomorrow, can you renew them?', 'I got an overdue notice but I thought I renewed everything',
        'Is there a limit on how many times I can renew a book?', 'Why can''t I renew this item? It says on hold for another patron'],
  ARRAY['You can renew from My Account: sign in with your library card number and choose Renew all.',
        'That item has a hold on it, so it cannot be renewed; you can keep it until the due date without a fine.',
        'I have renewed both books for you; the new due date is in three weeks.',
        'Laptops can be renewed once at the service desk if nobody is waiting for one.',
        'Overdue fines are waived if you renew within the grace period of three days.',
        'Each book can be renewed five times unless someone places a hold.'],
  ARRAY['Thanks, that worked!', 'What is my library card number, is it on the back?', 'Will I get a fine for the overdue one?',
        'Can you check the due date for the statistics textbook?', 'OK, and the DVD too?']),
 (2, 'Interlibrary loan', 'Interlibrary loan', 10,
  ARRAY['How do I request a book through interlibrary loan?', 'Can I get a journal article we don''t have?',
        'How long does interlibrary loan take?', 'My interlibrary loan request says cancelled, why?',
        'Can I borrow a thesis from another university?'],
  ARRAY['Use the interlibrary loan form in ILLiad; articles usually arrive as a PDF within three days.',
        'Books from other libraries take one to two weeks; we e-mail you when it is on the hold shelf.',
        'Requests are cancelled when we own the item; it is on the third floor, call number HD 9502.',
        'Theses can often be borrowed, or downloaded from ProQuest Dissertations.',
        'I placed the request for you; you will get an e-mail from interlibrary loan.'],
  ARRAY['Is there a fee for interlibrary loan?', 'Can I renew an interlibrary loan book?', 'Great, thank you so much',
        'Do I pick it up at the main desk?', 'What if I need it sooner?']),
 (3, 'Databases', 'Research', 12,
  ARRAY['Which database is best for nursing articles?', 'I cannot log in to JSTOR from home',
        'How do I find peer reviewed articles on climate policy?', 'Does the library have access to Web of Science?',
        'The PsycINFO link says access denied off campus', 'Where can I find company financial data?'],
  ARRAY['Try CINAHL for nursing; limit to peer reviewed and full text on the left.',
        'Off campus you need to sign in through the proxy: open JSTOR from the library''s A to Z database list.',
        'Academic Search Complete and Web of Science both have a peer reviewed filter.',
        'Clear your cookies and open PsycINFO again from our databases page; it will ask for your campus login.',
        'For company financials use Mergent Online or the Business Source Complete company profiles.',
        'Here is a research guide for environmental studies with the main databases.'],
  ARRAY['That link works now, thanks', 'How do I limit to the last five years?', 'Can I save the search results?',
        'What keywords would you suggest?', 'Is there full text for this article?']),
 (4, 'Citation', 'Research', 9,
  ARRAY['How do I cite a website in APA 7th edition?', 'Can you help me with MLA format for a book chapter?',
        'How do I cite an interview in Chicago style?', 'Does the library have Zotero help?',
        'What is a DOI and where do I find it?'],
  ARRAY['In APA 7 a web page is Author, date, title in italics, site name and the URL; no retrieved-from needed.',
        'For MLA 9 the chapter title goes in quotation marks, then the book in italics, editors, publisher and pages.',
        'Chicago notes and bibliography style treats an unpublished interview as a note only.',
        'We have a Zotero guide and workshops every month; Zotero can import citations from most databases.',
        'The DOI is usually on the first page of the article; the citation generator in the database adds it.'],
  ARRAY['What about a YouTube video?', 'Do I need the page numbers?', 'Thank you, that is really helpful',
        'Should the reference list be double spaced?', 'Can I use the cite button in the catalogue?']),
 (5, 'Printing', 'Technology', 10,
  ARRAY['How do I print from my laptop?', 'The printer on the second floor is jammed', 'How much does colour printing cost?',
        'Can I scan to e-mail at the library?', 'My print job is not showing at the release station'],
  ARRAY['Send your job with the web print page, then release it at any printer with your student card.',
        'Thanks for letting us know, I have told the service desk and the printer by the elevator works.',
        'Black and white is 10 cents a page and colour is 50 cents; you can add money online.',
        'The scanners on the first floor can send scans to your e-mail or a USB stick for free.',
        'Print jobs wait for 24 hours; check you chose the queue named Library-BW.'],
  ARRAY['Does it work from my phone?', 'How do I add money to my print account?', 'OK I see it now',
        'Can I print double sided?', 'Thanks!']),
 (6, 'Hours', 'Directional', 9,
  ARRAY['What time does the library close tonight?', 'Are you open on Sunday?', 'What are the hours during finals week?',
        'Is the library open over the holiday break?', 'When does the quiet study room open?'],
  ARRAY['Tonight we are open until midnight; the 24-hour study room stays open with your card.',
        'On Sundays we open at noon and close at 10 pm.', 'During finals week the main library is open 24 hours from Sunday.',
        'Over the break we are open 9 to 5 on weekdays and closed on the public holidays.',
        'The quiet study rooms open with the building; you can book one online for two hours.'],
  ARRAY['And the science library?', 'Thanks', 'Can visitors come in on weekends?', 'Is the cafe open too?']),
 (7, 'Accounts', 'Circulation', 8,
  ARRAY['I forgot my library PIN', 'My account is blocked because of a fine', 'How do I get a library card as an alumni?',
        'Can I update my address online?', 'Why does my account say expired?'],
  ARRAY['I can reset your PIN; it will be sent to the e-mail address on your account.',
        'The block comes from a lost book fine; once it is paid or returned the block lifts at once.',
        'Alumni can get a community borrower card at the service desk with photo ID.',
        'You can change your address in My Account under personal details.',
        'Accounts expire with your enrolment; bring your new student card and we extend it.'],
  ARRAY['Got the e-mail, thanks', 'How much is the fine?', 'Can I pay online?', 'Do I need proof of address?']),
 (8, 'Research', 'Research', 9,
  ARRAY['I need sources for a paper on the history of jazz in Chicago', 'How do I find primary sources about the civil rights movement?',
        'Can a librarian help me narrow my research topic?', 'Where can I find statistics on unemployment by county?',
        'I need books about medieval maps'],
  ARRAY['Start with the catalogue subject heading Jazz -- Illinois -- Chicago -- History, and the Music Index database.',
        'Our digital collections and the ProQuest Historical Newspapers database are good for primary sources.',
        'You can book a research consultation with a subject librarian; here is the link to the booking page.',
        'The Bureau of Labor Statistics publishes county unemployment; Social Explorer has maps of it.',
        'Try the subject Cartography -- History -- To 1500; the map collection is on the fourth floor, call number GA 221.'],
  ARRAY['That is a great start', 'How many sources should I have?', 'Can I request the book from storage?',
        'Is the map room open on Fridays?', 'Thank you, this helps a lot']),
 (9, 'Technology', 'Technology', 6,
  ARRAY['The wifi keeps disconnecting on the third floor', 'Can I borrow a phone charger?', 'How do I connect to eduroam?',
        'Is there software for statistics on the library computers?', 'The e-book will not download to my tablet'],
  ARRAY['I have reported the wifi; the second floor access points are stronger meanwhile.',
        'Chargers for most phones can be borrowed at the service desk for four hours.',
        'Choose eduroam and sign in with your full university e-mail and password.',
        'SPSS, R and Stata are installed on the computers in the research commons.',
        'E-books need Adobe Digital Editions, or read them online in the browser without downloading.'],
  ARRAY['Thanks', 'Does the charger work for a laptop?', 'It is working now', 'Which computers have SPSS?']),
 (10, 'Course reserves', 'Circulation', 5,
  ARRAY['Is the textbook for BIOL 101 on reserve?', 'How long can I borrow a course reserve book?',
        'My professor said the readings are on e-reserve, where are they?'],
  ARRAY['Yes, two copies of the BIOL 101 textbook are on two-hour reserve at the service desk.',
        'Course reserves are two-hour or one-day loans and cannot leave the building.',
        'E-reserves are in the course page of the learning system under Library Resources.'],
  ARRAY['Can I photocopy a chapter?', 'Thanks!', 'Is there a newer edition?']),
 (11, 'Spanish', 'Directional', 6,
  ARRAY['¿Cómo puedo renovar mis libros?', '¿A qué hora cierra la biblioteca hoy?', '¿Tienen libros en español para niños?',
        'Necesito ayuda para imprimir un documento', '¿Puedo pedir un libro de otra biblioteca?', '¿Cómo saco la tarjeta de la biblioteca?'],
  ARRAY['Puede renovar sus libros en Mi Cuenta con el número de su tarjeta de la biblioteca.',
        'Hoy cerramos a las nueve de la noche; el domingo abrimos a mediodía.',
        'Sí, la colección infantil en español está en la planta baja, junto a los cuentos ilustrados.',
        'Puede imprimir desde su portátil con la página de impresión web y recoger en cualquier impresora.',
        'Sí, con el préstamo interbibliotecario; el formulario está en nuestra página y tarda una semana.',
        'La tarjeta es gratuita; traiga una identificación con foto y un comprobante de domicilio.'],
  ARRAY['Muchas gracias', '¿Cuánto cuesta?', 'Perfecto, gracias por la ayuda', '¿Y los sábados?']),
 (12, 'Hours', 'Directional', 2,
  ARRAY['Where is the lost and found?', 'Can I bring food into the library?', 'Where do I return books after hours?'],
  ARRAY['Lost and found is at the service desk on the ground floor.',
        'Covered drinks are fine everywhere and food is allowed in the cafe and group study rooms.',
        'The book drop by the main entrance is open all night.'],
  ARRAY['Thanks', 'Great', 'Ok']);

-- step: hours
-- Every hour of the last year with how busy it is: term weekday afternoons are busiest, nights and
-- weekends quiet, summer and the winter break low. Shaped in the library's own time zone.
CREATE TEMP TABLE year_hours ON COMMIT DROP AS
WITH tz AS (SELECT l.timezone FROM libraries l JOIN year_params p ON p.library_id = l.id),
hours AS (
  SELECT h, h AT TIME ZONE tz.timezone AS local
    FROM tz, generate_series(date_trunc('hour', now()) - interval '365 days',
                             date_trunc('hour', now()) - interval '2 hours', interval '1 hour') AS h
), weighted AS (
  SELECT h, local,
         (ARRAY[0.03, 0.02, 0.02, 0.02, 0.03, 0.05, 0.08, 0.15, 0.4, 0.7, 0.9, 1.0,
                0.9, 1.0, 1.15, 1.2, 1.1, 0.8, 0.6, 0.55, 0.5, 0.4, 0.25, 0.1])[extract(hour FROM local)::int + 1]
       * (ARRAY[0.5, 1.1, 1.15, 1.1, 1.0, 0.8, 0.35])[extract(dow FROM local)::int + 1]
       * (ARRAY[0.8, 1.1, 1.2, 1.3, 0.9, 0.4, 0.35, 0.5, 1.1, 1.25, 1.3, 0.7])[extract(month FROM local)::int]
       * CASE WHEN extract(month FROM local) = 12 AND extract(day FROM local) >= 22 THEN 0.4 ELSE 1 END AS weight
    FROM hours
)
SELECT h, local, weight,
       sum(weight) OVER (ORDER BY h) AS upto,
       sum(weight) OVER () AS total
  FROM weighted;

-- step: chats
-- Each hour gets its share of the year's chats (the shares add up to exactly year_params.chats);
-- each chat its arrival in the hour, queue, topic, language, wait, length and fate. About one in
-- eight is missed, more at night and at weekends.
CREATE TEMP TABLE year_chats ON COMMIT DROP AS
WITH per_hour AS (
  SELECT y.h, y.local, floor(y.upto * p.chats / y.total)::int - floor((y.upto - y.weight) * p.chats / y.total)::int AS n
    FROM year_hours y, year_params p
), arrivals AS (
  SELECT ph.h + random() * interval '1 hour' AS created_at, ph.local
    FROM per_hour ph, generate_series(1, ph.n)
), picks AS (
  SELECT a.*, random() AS topic_pick, random() AS fate, random() AS u1, random() AS u2, random() AS u3,
         random() AS who, random() AS mail_pick
    FROM arrivals a
), topic_ranges AS (
  SELECT n, weight, sum(weight) OVER (ORDER BY n) / sum(weight) OVER () AS upto,
         (sum(weight) OVER (ORDER BY n) - weight) / sum(weight) OVER () AS from_
    FROM year_topics
)
SELECT nextval('chats_id_seq') AS id,
       pk.created_at,
       t.n AS topic,
       -- A missed chat: nobody claimed it before the patron left.
       pk.fate < CASE WHEN extract(hour FROM pk.local) NOT BETWEEN 9 AND 17
                        OR extract(dow FROM pk.local) IN (0, 6) THEN 0.2 ELSE 0.09 END AS missed,
       -- Waits: mostly under a minute, with a long tail (exponential, mean 50 s, at most 30 min).
       least(1800, greatest(3, (-ln(1 - pk.u1) * 50)))::int AS wait_seconds,
       -- Lengths: log-normal around seven minutes, from one minute to two hours.
       least(7200, greatest(60, exp(ln(420) + 0.8 * sqrt(-2 * ln(1 - pk.u2)) * cos(2 * pi() * pk.u3))))::int AS duration_seconds,
       -- Messages after the question: at least four, mean about twelve.
       4 + least(40, floor(-ln(1 - random()) * 8.5))::int AS messages,
       pk.who, pk.mail_pick
  FROM picks pk JOIN topic_ranges t ON pk.topic_pick >= t.from_ AND pk.topic_pick < t.upto;

-- step: people
-- Who asked and who answered: a patron name, sometimes an e-mail, a queue (Spanish questions in the
-- Spanish queue when the library has one), an operator.
CREATE TEMP TABLE year_people ON COMMIT DROP AS
WITH qs AS (
  SELECT array_agg(id ORDER BY id) AS ids,
         (array_agg(id ORDER BY id) FILTER (WHERE slug LIKE '%espanol'))[1] AS spanish
    FROM queues WHERE library_id = (SELECT library_id FROM year_params)
), ops AS (
  SELECT array_agg(id ORDER BY id) AS ids, array_agg(display_name ORDER BY id) AS names
    FROM operators WHERE library_id = (SELECT library_id FROM year_params) AND disabled_at IS NULL
)
SELECT c.id,
       (ARRAY['Sam', 'Maria', 'Jordan', 'Aisha', 'Wei', 'Chris', 'Fatima', 'Diego', 'Emma', 'Noah', 'Olivia',
              'Liam', 'Sofia', 'Mateo', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Zoe', 'Ibrahim', 'Guest'])[1 + floor(c.who * 21)::int]
         || CASE WHEN c.who > 0.5 THEN ' ' || (ARRAY['Garcia', 'Smith', 'Nguyen', 'Johnson', 'Patel', 'Kim', 'Lopez', 'Brown', 'Okafor', 'Rossi'])[1 + floor(random() * 10)::int] ELSE '' END AS patron_name,
       CASE WHEN c.mail_pick < 0.4 THEN 'patron' || c.id || '@example.edu' END AS patron_email,
       CASE WHEN c.topic = 11 AND qs.spanish IS NOT NULL THEN qs.spanish
            ELSE qs.ids[1 + floor(random() * cardinality(qs.ids))::int] END AS queue_id,
       CASE WHEN c.missed THEN NULL ELSE 1 + floor(random() * cardinality(ops.ids))::int END AS op
  FROM year_chats c, qs, ops;

-- step: insert chats
INSERT INTO chats (id, library_id, queue_id, state, patron_name, patron_email, page_url, question, last_seq, owner_id,
                   created_at, claimed_at, ended_at, ended_by, patron_seen_at, patron_last_at, operator_last_at, missed_at)
SELECT c.id, p.library_id, pe.queue_id,
       CASE WHEN c.missed THEN 'missed' ELSE 'ended' END,
       pe.patron_name, pe.patron_email, 'https://library.example.edu/' || (ARRAY['', 'hours', 'services', 'research', 'account'])[1 + floor(random() * 5)::int],
       t.questions[1 + floor(random() * cardinality(t.questions))::int],
       CASE WHEN c.missed THEN 1 ELSE c.messages + 3 END,
       CASE WHEN c.missed THEN NULL ELSE ops.ids[pe.op] END,
       c.created_at,
       CASE WHEN c.missed THEN NULL ELSE c.created_at + make_interval(secs => c.wait_seconds) END,
       CASE WHEN c.missed THEN NULL ELSE c.created_at + make_interval(secs => c.wait_seconds + c.duration_seconds) END,
       CASE WHEN c.missed THEN NULL WHEN random() < 0.45 THEN 'patron' WHEN random() < 0.9 THEN 'operator' ELSE 'system' END,
       c.created_at + make_interval(secs => c.wait_seconds + c.duration_seconds),
       c.created_at + make_interval(secs => c.wait_seconds + c.duration_seconds),
       CASE WHEN c.missed THEN NULL ELSE c.created_at + make_interval(secs => c.wait_seconds + c.duration_seconds) END,
       CASE WHEN c.missed THEN c.created_at + make_interval(secs => c.wait_seconds) END
  FROM year_chats c JOIN year_people pe ON pe.id = c.id JOIN year_topics t ON t.n = c.topic, year_params p,
       (SELECT array_agg(id ORDER BY id) AS ids FROM operators
         WHERE library_id = (SELECT library_id FROM year_params) AND disabled_at IS NULL) ops;

-- step: events
-- Event 1 is the question; an answered chat then has its claim, the conversation (the librarian and
-- the patron by turns, the librarian first) and its end.
INSERT INTO chat_events (chat_id, seq, library_id, type, sender_kind, sender_id, sender_name, body, data, created_at)
SELECT ch.id, 1, ch.library_id, 'message', 'patron', NULL, ch.patron_name, ch.question, '{}', ch.created_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id
UNION ALL
SELECT ch.id, 2, ch.library_id, 'claimed', 'operator', ch.owner_id, o.display_name, NULL,
       jsonb_build_object('operator', jsonb_build_object('id', ch.owner_id, 'name', o.display_name)), ch.claimed_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id JOIN operators o ON o.id = ch.owner_id
UNION ALL
SELECT ch.id, 2 + j, ch.library_id, 'message',
       CASE WHEN j % 2 = 1 THEN 'operator' ELSE 'patron' END,
       CASE WHEN j % 2 = 1 THEN ch.owner_id END,
       CASE WHEN j % 2 = 1 THEN o.display_name ELSE ch.patron_name END,
       CASE WHEN j % 2 = 1 THEN
              CASE WHEN j = 1 AND c.topic = 11 THEN 'Hola, con gusto le ayudo. ' WHEN j = 1 THEN 'Hi ' || split_part(ch.patron_name, ' ', 1) || ', happy to help. ' ELSE '' END
              || t.answers[1 + floor(random() * cardinality(t.answers))::int]
              || CASE WHEN j = c.messages - 1 AND c.topic = 11 THEN ' ¿Algo más en que pueda ayudarle?'
                      WHEN j = c.messages - 1 THEN ' Is there anything else I can help you with?' ELSE '' END
            ELSE t.follow_ups[1 + floor(random() * cardinality(t.follow_ups))::int] END,
       '{}',
       ch.claimed_at + (ch.ended_at - ch.claimed_at) * (j::float8 / (c.messages + 1))
  FROM year_chats c JOIN chats ch ON ch.id = c.id JOIN operators o ON o.id = ch.owner_id
       JOIN year_topics t ON t.n = c.topic, generate_series(1, c.messages) AS j
UNION ALL
SELECT ch.id, c.messages + 3, ch.library_id, 'ended', ch.ended_by, NULL, NULL, NULL,
       jsonb_build_object('endedBy', ch.ended_by), ch.ended_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id
 WHERE NOT c.missed;

-- step: participants
INSERT INTO chat_participants (chat_id, operator_id, library_id, role, joined_at, left_at)
SELECT ch.id, ch.owner_id, ch.library_id, 'owner', ch.claimed_at, ch.ended_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id
 WHERE NOT c.missed;

-- step: chat tags
-- The topic's tag on four answered chats in five, and "Follow-up" on some.
INSERT INTO chat_tags (chat_id, tag_id, library_id, added_by, added_at)
SELECT ch.id, tg.id, ch.library_id, ch.owner_id, ch.ended_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id JOIN year_topics t ON t.n = c.topic
       JOIN tags tg ON tg.library_id = ch.library_id AND lower(tg.name) = lower(t.tag)
 WHERE NOT c.missed AND random() < 0.8
UNION ALL
SELECT ch.id, tg.id, ch.library_id, ch.owner_id, ch.ended_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id
       JOIN tags tg ON tg.library_id = ch.library_id AND lower(tg.name) = 'follow-up'
 WHERE NOT c.missed AND c.topic <> 11 AND random() < 0.06;

-- step: ratings
-- About three patrons in ten rate the chat, mostly well; some leave a comment.
INSERT INTO chat_ratings (chat_id, library_id, score, comment, created_at)
SELECT id, library_id,
       CASE WHEN r < 0.55 THEN 5 WHEN r < 0.8 THEN 4 WHEN r < 0.9 THEN 3 WHEN r < 0.95 THEN 2 ELSE 1 END,
       CASE WHEN random() < 0.25 THEN
            (ARRAY['Very helpful, thank you!', 'Quick and friendly.', 'Solved my problem.', 'Took a while to get an answer.',
                   'The librarian was great.', 'Still could not log in.', 'Muy amable, gracias.'])[1 + floor(random() * 7)::int] END,
       ended_at + interval '1 minute'
  FROM (SELECT ch.id, ch.library_id, ch.ended_at, random() AS r, random() AS rated
          FROM year_chats c JOIN chats ch ON ch.id = c.id WHERE NOT c.missed) s
 WHERE rated < 0.3;

-- step: statistics
-- Nine answered chats in ten have their statistics entry, with the topic's question type.
INSERT INTO statistics_entries (library_id, chat_id, queue_id, operator_id, occurred_at, duration_seconds,
                                wait_seconds, mode, question_type, location, referred_by, notes, created_at, updated_at)
SELECT ch.library_id, ch.id, ch.queue_id, ch.owner_id, ch.created_at, c.duration_seconds, c.wait_seconds, 'chat',
       t.question_type,
       (ARRAY['Main library', 'Science library', 'Off campus', 'Off campus'])[1 + floor(random() * 4)::int],
       CASE WHEN random() < 0.1 THEN (ARRAY['Subject librarian', 'Interlibrary loan office', 'IT help desk'])[1 + floor(random() * 3)::int] END,
       NULL, ch.ended_at, ch.ended_at
  FROM year_chats c JOIN chats ch ON ch.id = c.id JOIN year_topics t ON t.n = c.topic
 WHERE NOT c.missed AND random() < 0.9;

-- step: search documents
-- The generated chats were written ended, so the state trigger never saw them: their documents are
-- written here in one statement, as the trigger would.
INSERT INTO chat_search (chat_id, library_id, queue_id, owner_id, state, created_at, document)
SELECT ch.id, ch.library_id, ch.queue_id, ch.owner_id, ch.state, ch.created_at, search_words(m.words)
  FROM (SELECT e.chat_id, string_agg(e.body, E'\n' ORDER BY e.seq) AS words
          FROM chat_events e JOIN year_chats c ON c.id = e.chat_id
         WHERE e.type = 'message' AND e.body IS NOT NULL
         GROUP BY e.chat_id) m
  JOIN chats ch ON ch.id = m.chat_id;

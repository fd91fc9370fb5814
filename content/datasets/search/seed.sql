-- Deterministic: every value is arithmetic on the row number, so every seed is identical.
-- 3 tenants; 30,000 documents: tenant 1 owns those whose number is not a multiple of 5
-- (24,000), tenants 2 and 3 share the rest.
--
-- Three marker words give searches with known answers, all in tenant 1: "quartz" is in exactly
-- 10 titles (documents 1, 3001, 6001, …), "cobalt" in exactly 100 (1, 301, 601, …) and
-- "saffron" in exactly 1,000 (1, 31, 61, …). No other word contains them.
INSERT INTO tenants (id, slug)
VALUES (1, 'acme'), (2, 'globex'), (3, 'initech');

INSERT INTO documents (id, tenant_id, title, status, updated_at)
SELECT i,
       CASE WHEN i % 5 <> 0 THEN 1 WHEN i % 10 = 0 THEN 2 ELSE 3 END,
       (ARRAY['Annual', 'Quarterly', 'Weekly', 'Draft', 'Final', 'Revised', 'Internal',
              'Public', 'Summary', 'Detailed', 'Regional', 'Global', 'Technical'])[1 + i % 13]
         || ' ' ||
       (ARRAY['budget', 'roadmap', 'invoice', 'contract', 'forecast', 'audit', 'proposal',
              'minutes', 'policy', 'handbook', 'checklist', 'timeline', 'survey', 'review',
              'estimate', 'briefing', 'manual'])[1 + (i / 13) % 17]
         || ' ' || to_char(i, 'FM00000')
         || CASE WHEN i % 3000 = 1 THEN ' quartz' ELSE '' END
         || CASE WHEN i % 300 = 1 THEN ' cobalt' ELSE '' END
         || CASE WHEN i % 30 = 1 THEN ' saffron' ELSE '' END,
       (ARRAY['draft', 'published', 'published', 'archived'])[1 + i % 4]::text,
       timestamptz '2024-01-01 00:00:00+00' + (i * interval '17 minutes')
FROM generate_series(1, 30000) AS i;

-- Django's icontains sends UPPER("title"::text) LIKE UPPER(%s), so the trigram index is on the
-- same expression; in a model: GinIndex(OpClass(Upper("title"), name="gin_trgm_ops"), ...).
CREATE INDEX documents_title_trgm_idx ON documents USING gin (upper(title) gin_trgm_ops);

-- Deterministic: every value is arithmetic on the row number, so every seed is identical.
-- 3 tenants, 100 products each (products 1-100 belong to tenant 1, 101-200 to tenant 2, …),
-- 3,000 orders (1,000 per tenant, order i belongs to tenant 1 + (i - 1) % 3).
--
-- Every product whose id is a multiple of 4 is sold out (stock 0); the others have between
-- 100 and 499 in stock. 600 of tenant 1's 1,000 orders have the status 'paid'.
INSERT INTO tenants (id, name)
VALUES (1, 'Acme'), (2, 'Globex'), (3, 'Initech');

INSERT INTO products (id, tenant_id, name, price_cents, stock)
SELECT p,
       1 + (p - 1) / 100,
       (ARRAY['Desk lamp', 'Notebook', 'Backpack', 'Water bottle', 'Headphones', 'Mug',
              'Keyboard', 'Poster', 'Umbrella', 'Scarf'])[1 + p % 10] || ' ' || to_char(p, 'FM000'),
       499 + (p * 389) % 9500,
       CASE WHEN p % 4 = 0 THEN 0 ELSE 100 + (p * 37) % 400 END
FROM generate_series(1, 300) AS p;

INSERT INTO orders (id, tenant_id, product_id, quantity, total_cents, customer_email,
                    shipping_address, status, payment_id, receipt_sent_at, created_at)
SELECT i, t,
       (t - 1) * 100 + 1 + (i * 7) % 100,
       1 + i % 3,
       (1 + i % 3) * (499 + (((t - 1) * 100 + 1 + (i * 7) % 100) * 389) % 9500),
       'customer' || (1 + (i * 13) % 400) || '@tenant' || t || '.example',
       (1 + (i * 31) % 250) || ' ' ||
         (ARRAY['Main Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Road'])[1 + i % 5]
         || ', ' || (ARRAY['Springfield', 'Riverton', 'Lakeside', 'Hillview'])[1 + i % 4],
       s,
       CASE WHEN s IN ('paid', 'shipped') THEN 'ch_' || to_char(i, 'FM00000') END,
       CASE WHEN s IN ('paid', 'shipped') THEN created END,
       created
FROM generate_series(1, 3000) AS i,
     LATERAL (SELECT 1 + (i - 1) % 3 AS t,
                     (ARRAY['paid', 'shipped', 'paid', 'pending', 'paid'])[1 + i % 5] AS s,
                     timestamptz '2024-03-01 09:00:00+00' + i * interval '7 minutes' AS created) AS v;

-- The seed gave explicit ids: new orders continue after them.
SELECT setval(pg_get_serial_sequence('orders', 'id'), 3000);

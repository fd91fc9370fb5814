-- Deterministic: every value is arithmetic on the row number, so every seed is identical.
-- 200 products with a price, a stock level and a page-view counter. Every 50th product
-- (50, 100, 150, 200) is out of stock.
INSERT INTO products (id, name, price_cents, stock, view_count)
SELECT i,
       'Product ' || to_char(i, 'FM000'),
       199 + (i * 347) % 9800,
       (i * 7) % 50,
       1000 + (i * 613) % 9000
FROM generate_series(1, 200) AS i;

-- 1,000 customers, customer0001@example.com to customer1000@example.com.
INSERT INTO customers (id, email, name, country)
SELECT i,
       'customer' || to_char(i, 'FM0000') || '@example.com',
       'Customer ' || to_char(i, 'FM0000'),
       (ARRAY['NL', 'DE', 'FR', 'BE', 'GB', 'US'])[1 + i % 6]
FROM generate_series(1, 1000) AS i;

-- 2,000 orders, one an hour from the start of 2025, each with exactly three lines.
INSERT INTO orders (id, customer_id, status, total_cents, created_at)
SELECT i,
       1 + (i * 37) % 1000,
       (ARRAY['paid', 'paid', 'shipped', 'cancelled'])[1 + i % 4],
       0,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 hour'
FROM generate_series(1, 2000) AS i;

INSERT INTO order_lines (id, order_id, product_id, quantity, unit_price_cents)
SELECT (o - 1) * 3 + l,
       o,
       p.id,
       1 + (o + l) % 3,
       p.price_cents
FROM generate_series(1, 2000) AS o
CROSS JOIN generate_series(1, 3) AS l
JOIN products AS p ON p.id = 1 + (o * 13 + l * 61) % 200;

UPDATE orders
SET total_cents = totals.total
FROM (
  SELECT order_id, sum(quantity * unit_price_cents)::int AS total FROM order_lines GROUP BY order_id
) AS totals
WHERE totals.order_id = orders.id;

-- The rows above were given explicit ids; move each identity past them so that inserts
-- without an id get fresh ones.
SELECT setval(pg_get_serial_sequence('customers', 'id'), (SELECT max(id) FROM customers));
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));
SELECT setval(pg_get_serial_sequence('order_lines', 'id'), (SELECT max(id) FROM order_lines));

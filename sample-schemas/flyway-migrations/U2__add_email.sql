-- Undo of V2: Flyway runs it only on `flyway undo`, so it is not part of the schema.
ALTER TABLE shop.Customer DROP COLUMN Email;

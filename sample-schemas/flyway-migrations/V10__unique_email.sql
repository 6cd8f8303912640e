IF NOT EXISTS (SELECT * FROM sys.indexes WHERE name = N'UX_Customer_Email' AND object_id = OBJECT_ID(N'shop.Customer'))
    CREATE UNIQUE INDEX UX_Customer_Email ON shop.Customer (Email) WHERE Email IS NOT NULL;

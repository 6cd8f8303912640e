IF NOT EXISTS (SELECT * FROM sys.columns WHERE object_id = OBJECT_ID(N'shop.Customer') AND name = N'Email')
    PRINT 'V2 has not run';
ELSE
    INSERT INTO shop.Customer (CustomerID, FullName, Email) VALUES
        (1, N'Ada Byron',    N'ada@example.org'),
        (2, N'Grace Hopper', N'grace@example.org'),
        (3, N'Edgar Codd',   N'ted@example.org');

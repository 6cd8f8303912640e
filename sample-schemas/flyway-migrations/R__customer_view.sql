CREATE OR ALTER VIEW shop.CustomerContact AS
    SELECT CustomerID, FullName, Email FROM shop.Customer;

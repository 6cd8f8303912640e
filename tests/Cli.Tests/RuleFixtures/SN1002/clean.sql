CREATE TABLE dbo.Customer (
    CustomerID int PRIMARY KEY,
    Name nvarchar(50)
);
CREATE TABLE dbo.CustomerPhone (
    CustomerID int REFERENCES dbo.Customer (CustomerID),
    Phone varchar(20),
    PRIMARY KEY (CustomerID, Phone)
);

CREATE TABLE [retail].[Store] (
    [StoreID]    int          NOT NULL CONSTRAINT [PK_Store] PRIMARY KEY,
    [StoreName]  nvarchar(60) NOT NULL,
    [RegionCode] char(2)      NOT NULL CONSTRAINT [FK_Store_Region] REFERENCES [retail].[Region] ([RegionCode]),
    [OpenedOn]   date         NOT NULL
);

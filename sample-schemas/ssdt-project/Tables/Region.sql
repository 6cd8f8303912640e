CREATE TABLE [retail].[Region] (
    [RegionCode] char(2)      NOT NULL CONSTRAINT [PK_Region] PRIMARY KEY,
    [RegionName] nvarchar(40) NOT NULL CONSTRAINT [UQ_Region_RegionName] UNIQUE
);

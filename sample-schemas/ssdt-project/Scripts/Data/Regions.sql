INSERT INTO [retail].[Region] ([RegionCode], [RegionName]) VALUES
    ('NW', N'North West'),
    ('SE', N'South East'),
    ('CE', N'Centre');

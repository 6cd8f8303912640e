-- The flagship store opens in the region the deployment names ($(HomeRegion), NW unless set).
INSERT INTO [retail].[Store] ([StoreID], [StoreName], [RegionCode], [OpenedOn]) VALUES
    (1, N'Flagship',      '$(HomeRegion)', '2019-04-01'),
    (2, N'Harbour Front', 'SE',            '2020-09-15'),
    (3, N'Old Town',      'CE',            '2021-02-08');

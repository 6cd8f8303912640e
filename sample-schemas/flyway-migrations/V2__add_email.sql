IF COL_LENGTH(N'shop.Customer', N'Email') IS NULL
    ALTER TABLE shop.Customer ADD Email nvarchar(200) NULL;

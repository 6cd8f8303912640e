CREATE TABLE dbo.SP ([S#] char(2), [P#] char(2), PRIMARY KEY ([S#], [P#]));
CREATE TABLE dbo.PJ ([P#] char(2), [J#] char(2), PRIMARY KEY ([P#], [J#]));
CREATE TABLE dbo.JS ([J#] char(2), [S#] char(2), PRIMARY KEY ([J#], [S#]));

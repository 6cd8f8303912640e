-- 3NF: department facts once, keyed by DeptCode.
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.Department (
    DeptCode  char(3)      NOT NULL PRIMARY KEY,
    DeptName  nvarchar(50) NOT NULL,
    DeptFloor tinyint      NOT NULL
);
CREATE TABLE fixed.Employee (
    EmployeeID int           NOT NULL PRIMARY KEY,
    FullName   nvarchar(100) NOT NULL,
    HireDate   date          NOT NULL,
    DeptCode   char(3)       NOT NULL REFERENCES fixed.Department (DeptCode)
);
GO
INSERT fixed.Department VALUES ('ENG', N'Engineering', 4), ('RES', N'Research', 5), ('OPS', N'Operations', 1);
INSERT fixed.Employee VALUES
 (1, N'Ada Byron', '2019-03-01', 'ENG'), (2, N'Grace Hopper', '2018-07-15', 'ENG'),
 (3, N'Edgar Codd', '2020-01-06', 'RES'), (4, N'Raymond Boyce', '2020-02-10', 'RES'),
 (5, N'Barbara Liskov', '2017-11-20', 'ENG'), (6, N'Jim Gray', '2016-05-02', 'OPS'),
 (7, N'Margaret Hamilton', '2021-09-13', 'ENG'), (8, N'Michael Stonebraker', '2015-04-27', 'RES'),
 (9, N'Frances Allen', '2022-08-01', 'OPS'), (10, N'Donald Chamberlin', '2019-10-21', 'ENG');
GO

-- Employees with their department's name and floor: those follow from DeptCode, which is not a
-- key of Employee (a transitive dependency EmployeeID -> DeptCode -> DeptName, 3NF).
CREATE TABLE dbo.Employee (
    EmployeeID int           NOT NULL PRIMARY KEY,
    FullName   nvarchar(100) NOT NULL,
    HireDate   date          NOT NULL,
    DeptCode   char(3)       NOT NULL,
    DeptName   nvarchar(50)  NOT NULL,
    DeptFloor  tinyint       NOT NULL
);
GO
-- schemanorm: fd dbo.Employee: DeptCode -> DeptName, DeptFloor

INSERT dbo.Employee VALUES (1, N'Ada Byron',        '2019-03-01', 'ENG', N'Engineering', 4);
INSERT dbo.Employee VALUES (2, N'Grace Hopper',     '2018-07-15', 'ENG', N'Engineering', 4);
INSERT dbo.Employee VALUES (3, N'Edgar Codd',       '2020-01-06', 'RES', N'Research',    5);
INSERT dbo.Employee VALUES (4, N'Raymond Boyce',    '2020-02-10', 'RES', N'Research',    5);
INSERT dbo.Employee VALUES (5, N'Barbara Liskov',   '2017-11-20', 'ENG', N'Engineering', 4);
INSERT dbo.Employee VALUES (6, N'Jim Gray',         '2016-05-02', 'OPS', N'Operations',  1);
INSERT dbo.Employee VALUES (7, N'Margaret Hamilton','2021-09-13', 'ENG', N'Engineering', 4);
INSERT dbo.Employee VALUES (8, N'Michael Stonebraker','2015-04-27','RES', N'Research',   5);
INSERT dbo.Employee VALUES (9, N'Frances Allen',    '2022-08-01', 'OPS', N'Operations',  1);
INSERT dbo.Employee VALUES (10, N'Donald Chamberlin','2019-10-21','ENG', N'Engineering', 4);
GO

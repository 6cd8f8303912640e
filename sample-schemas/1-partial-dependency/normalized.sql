-- The same facts in 2NF (and BCNF): course facts live once, keyed by CourseCode.
IF SCHEMA_ID(N'fixed') IS NULL EXEC (N'CREATE SCHEMA fixed');
GO
CREATE TABLE fixed.Course (
    CourseCode  char(6)      NOT NULL PRIMARY KEY,
    CourseTitle nvarchar(80) NOT NULL,
    Credits     tinyint      NOT NULL
);
CREATE TABLE fixed.Enrollment (
    StudentID  int     NOT NULL,
    CourseCode char(6) NOT NULL REFERENCES fixed.Course (CourseCode),
    Grade      char(2) NULL,
    CONSTRAINT PK_fixed_Enrollment PRIMARY KEY (StudentID, CourseCode)
);
GO
INSERT INTO fixed.Course VALUES
 ('DB101', N'Introduction to Databases', 5),
 ('MA201', N'Linear Algebra', 6),
 ('CS110', N'Programming I', 6),
 ('ST150', N'Statistics', 4);
INSERT INTO fixed.Enrollment VALUES
 (1001, 'DB101', 'A'), (1001, 'MA201', 'B+'), (1001, 'CS110', 'A-'),
 (1002, 'DB101', 'B'), (1002, 'CS110', 'C'),
 (1003, 'DB101', 'A'), (1003, 'MA201', 'A'), (1003, 'ST150', NULL),
 (1004, 'CS110', 'B'), (1004, 'ST150', 'B-'),
 (1005, 'DB101', 'C+'), (1005, 'MA201', 'B'),
 (1006, 'ST150', 'A'), (1006, 'CS110', 'A');
GO

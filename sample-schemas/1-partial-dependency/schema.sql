-- A course enrolment table keyed by (StudentID, CourseCode) that also stores each course's
-- title and credits: they depend on CourseCode alone (a partial dependency, 2NF).
CREATE TABLE dbo.Enrollment (
    StudentID   int          NOT NULL,
    CourseCode  char(6)      NOT NULL,
    Grade       char(2)      NULL,
    -- schemanorm: fd CourseCode -> CourseTitle, Credits
    CourseTitle nvarchar(80) NOT NULL,
    Credits     tinyint      NOT NULL,
    CONSTRAINT PK_Enrollment PRIMARY KEY (StudentID, CourseCode)
);
GO

INSERT INTO dbo.Enrollment (StudentID, CourseCode, Grade, CourseTitle, Credits) VALUES
 (1001, 'DB101', 'A',  N'Introduction to Databases', 5),
 (1001, 'MA201', 'B+', N'Linear Algebra', 6),
 (1001, 'CS110', 'A-', N'Programming I', 6),
 (1002, 'DB101', 'B',  N'Introduction to Databases', 5),
 (1002, 'CS110', 'C',  N'Programming I', 6),
 (1003, 'DB101', 'A',  N'Introduction to Databases', 5),
 (1003, 'MA201', 'A',  N'Linear Algebra', 6),
 (1003, 'ST150', NULL, N'Statistics', 4),
 (1004, 'CS110', 'B',  N'Programming I', 6),
 (1004, 'ST150', 'B-', N'Statistics', 4),
 (1005, 'DB101', 'C+', N'Introduction to Databases', 5),
 (1005, 'MA201', 'B',  N'Linear Algebra', 6),
 (1006, 'ST150', 'A',  N'Statistics', 4),
 (1006, 'CS110', 'A',  N'Programming I', 6);
GO

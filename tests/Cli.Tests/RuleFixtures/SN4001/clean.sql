CREATE TABLE dbo.CourseTeacher (
    COURSE nvarchar(30), TEACHER nvarchar(30),
    PRIMARY KEY (COURSE, TEACHER)
);
CREATE TABLE dbo.CourseText (
    COURSE nvarchar(30), TEXT nvarchar(60),
    PRIMARY KEY (COURSE, TEXT)
);

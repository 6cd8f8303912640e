CREATE TABLE dbo.Instructor (
    i_ID int PRIMARY KEY, dept_name nvarchar(20)
);
CREATE TABLE dbo.Advisor (
    s_ID int, i_ID int REFERENCES dbo.Instructor (i_ID),
    PRIMARY KEY (s_ID, i_ID)
);

CREATE TABLE dbo.DeptAdvisor (
    s_ID int, i_ID int, dept_name nvarchar(20),
    PRIMARY KEY (s_ID, dept_name)
    -- expect: SN3501
    -- schemanorm: fd i_ID -> dept_name
    -- schemanorm: fd s_ID, dept_name -> i_ID
);

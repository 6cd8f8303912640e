-- expect: SN1001
CREATE TABLE dbo.roysched (
    title_id varchar(6),
    lorange  int NULL,
    hirange  int NULL,
    royalty  int NULL
);

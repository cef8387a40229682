SELECT $id FROM dtmi:contoso:Unknown;2

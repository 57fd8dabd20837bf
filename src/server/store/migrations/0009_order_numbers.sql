-- satstore schema v9: an order's number is SO- and 1000 plus its row's seq (sql/orders.cpp), no
-- longer the next value of a counter row, which every checkout had to lock until it committed.
-- Numbers already given are below every new one (the counter never ran ahead of seq).
DELETE FROM counters WHERE name = 'order_number';

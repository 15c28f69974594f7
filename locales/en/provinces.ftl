## Cambodia's capital and 24 provinces

province-phnom-penh = Phnom Penh
province-banteay-meanchey = Banteay Meanchey
province-battambang = Battambang
province-kampong-cham = Kampong Cham
province-kampong-chhnang = Kampong Chhnang
province-kampong-speu = Kampong Speu
province-kampong-thom = Kampong Thom
province-kampot = Kampot
province-kandal = Kandal
province-kep = Kep
province-koh-kong = Koh Kong
province-kratie = Kratie
province-mondulkiri = Mondulkiri
province-oddar-meanchey = Oddar Meanchey
province-pailin = Pailin
province-preah-sihanouk = Preah Sihanouk
province-preah-vihear = Preah Vihear
province-prey-veng = Prey Veng
province-pursat = Pursat
province-ratanakiri = Ratanakiri
province-siem-reap = Siem Reap
province-stung-treng = Stung Treng
province-svay-rieng = Svay Rieng
province-takeo = Takeo
province-tbong-khmum = Tbong Khmum

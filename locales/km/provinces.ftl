## រាជធានី និងខេត្តទាំង 24 នៃព្រះរាជាណាចក្រកម្ពុជា

province-phnom-penh = ភ្នំពេញ
province-banteay-meanchey = បន្ទាយមានជ័យ
province-battambang = បាត់ដំបង
province-kampong-cham = កំពង់ចាម
province-kampong-chhnang = កំពង់ឆ្នាំង
province-kampong-speu = កំពង់ស្ពឺ
province-kampong-thom = កំពង់ធំ
province-kampot = កំពត
province-kandal = កណ្តាល
province-kep = កែប
province-koh-kong = កោះកុង
province-kratie = ក្រចេះ
province-mondulkiri = មណ្ឌលគិរី
province-oddar-meanchey = ឧត្តរមានជ័យ
province-pailin = ប៉ៃលិន
province-preah-sihanouk = ព្រះសីហនុ
province-preah-vihear = ព្រះវិហារ
province-prey-veng = ព្រៃវែង
province-pursat = ពោធិ៍សាត់
province-ratanakiri = រតនគិរី
province-siem-reap = សៀមរាប
province-stung-treng = ស្ទឹងត្រែង
province-svay-rieng = ស្វាយរៀង
province-takeo = តាកែវ
province-tbong-khmum = ត្បូងឃ្មុំ

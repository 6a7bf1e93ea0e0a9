import type { Objective } from './types.js';

/** What a business sells shapes its campaign names, objectives and order values. */
export interface Vertical {
  themes: readonly string[];
  products: readonly string[];
  /** Objective weights in the order SALES, LEADS, TRAFFIC, AWARENESS. */
  objectives: readonly [number, number, number, number];
  /** Average order value range in SAR. */
  aovSar: readonly [number, number];
}

export const OBJECTIVES: readonly Objective[] = ['SALES', 'LEADS', 'TRAFFIC', 'AWARENESS'];

const seasons = ['Ramadan Sale', 'Eid Al-Fitr Offers', 'Eid Al-Adha Offers', 'White Friday', 'National Day Sale', 'Founding Day', 'Summer Sale', 'Back to School', 'Year-End Clearance', '11.11 Deals'];

export const verticals = {
  furniture: {
    themes: [...seasons, 'Bedroom Sets', 'Majlis Collection', 'Dining Tables', 'Outdoor Furniture', 'Kids Rooms', 'Sofas & Recliners', 'Free Delivery Riyadh'],
    products: ['Majlis Sofa', 'King Bedroom Set', 'Marble Dining Table', 'Recliner', 'Kids Bunk Bed', 'TV Unit', 'Wardrobe', 'Outdoor Lounge'],
    objectives: [0.6, 0.15, 0.15, 0.1],
    aovSar: [900, 3500],
  },
  decor: {
    themes: [...seasons, 'Home Fragrance', 'Wall Art', 'Lighting', 'Rugs & Carpets', 'Ramadan Decor', 'New Arrivals'],
    products: ['Oud Diffuser', 'Brass Lantern', 'Persian Rug', 'Canvas Print', 'Table Lamp', 'Cushion Set', 'Mirror'],
    objectives: [0.65, 0.05, 0.2, 0.1],
    aovSar: [150, 650],
  },
  perfume: {
    themes: [...seasons, 'Oud Collection', 'Gift Sets', 'Bakhoor', 'New Launch – Amber Nights', 'Wedding Season'],
    products: ['Oud Royal 100ml', 'Amber Nights', 'Bakhoor Box', 'Musk Tahara', 'Gift Set Trio', 'Travel Spray'],
    objectives: [0.7, 0.05, 0.1, 0.15],
    aovSar: [180, 750],
  },
  fashion: {
    themes: [...seasons, 'New Abaya Collection', 'Modest Wear', 'Wedding Season', 'Bestsellers', 'Clearance'],
    products: ['Black Abaya', 'Embroidered Abaya', 'Kaftan', 'Shayla', 'Linen Set', 'Evening Abaya'],
    objectives: [0.65, 0.05, 0.15, 0.15],
    aovSar: [250, 900],
  },
  flowers: {
    themes: [...seasons, "Mother's Day", 'Same-Day Delivery', 'Wedding Flowers', 'Corporate Gifts', 'Graduation'],
    products: ['Rose Box', 'Orchid Pot', 'Bridal Bouquet', 'Chocolate & Roses', 'Desk Plant'],
    objectives: [0.6, 0.15, 0.15, 0.1],
    aovSar: [150, 450],
  },
  coffee: {
    themes: [...seasons, 'Specialty Beans', 'Subscription', 'Saudi Coffee', 'Espresso Machines', 'Cafe Opening'],
    products: ['Ethiopian Yirgacheffe', 'Saudi Coffee Blend', 'Dallah Set', 'Drip Kit', 'Monthly Box'],
    objectives: [0.55, 0.1, 0.2, 0.15],
    aovSar: [60, 220],
  },
  clinic: {
    themes: ['Lead Gen – Riyadh', 'Lead Gen – Jeddah', 'Lead Gen – Dubai', 'Teeth Whitening', 'Invisalign Consult', 'Implants Offer', 'Free Check-up', 'Brand Awareness'],
    products: ['Before/After', 'Doctor Intro', 'Clinic Tour', 'Offer Card', 'Testimonial'],
    objectives: [0.05, 0.75, 0.1, 0.1],
    aovSar: [400, 1500],
  },
  store: {
    themes: [...seasons, 'Electronics', 'Home Appliances', 'Beauty', 'Toys', 'Grocery', 'Sports', 'Fashion', 'Lead Gen – Riyadh', 'Lead Gen – Jeddah'],
    products: ['Bestseller', 'Bundle', 'Flash Deal', 'New Arrival', 'Clearance', 'Gift Card'],
    objectives: [0.6, 0.15, 0.15, 0.1],
    aovSar: [80, 900],
  },
} as const satisfies Record<string, Vertical>;

export type VerticalId = keyof typeof verticals;

export const STAGES = ['Prospecting', 'Retargeting', 'Lookalike', 'Broad', 'Advantage+', 'Catalog', 'Video Views', 'Always On'] as const;
export const AUDIENCES = [
  'Riyadh – Women 25-44', 'Riyadh – Men 25-54', 'Jeddah – All 18-45', 'Dammam & Khobar', 'KSA – Broad', 'GCC – Broad',
  'Lookalike 1% – Purchasers', 'Lookalike 3% – Leads', 'Website Visitors 30d', 'Add to Cart 14d', 'Engaged IG 60d',
  'Interests: Home Decor', 'Interests: Luxury', 'Interests: Parenting', 'Newlyweds', 'Arabic Speakers – UAE', 'Kuwait City', 'Dubai & Sharjah',
] as const;
export const FORMATS = ['Video 15s', 'Video 6s', 'Carousel', 'Static', 'Collection', 'UGC Reel', 'Story', 'Spark Ad'] as const;
export const HOOKS = ['30% Off', 'Free Delivery', 'Limited Time', 'Bestseller', 'New', 'Buy Now Pay Later', 'Tabby 4 Payments', 'Gift Inside'] as const;

/** The business a name suggests, for accounts added without saying. */
export function verticalFor(business: string): VerticalId {
  const b = business.toLowerCase();
  if (/furnit|sofa|bed/.test(b)) return 'furniture';
  if (/decor|home/.test(b)) return 'decor';
  if (/perfum|oud|fragran/.test(b)) return 'perfume';
  if (/abaya|fashion|wear/.test(b)) return 'fashion';
  if (/flower|florist|bloom/.test(b)) return 'flowers';
  if (/coffee|bunn|cafe/.test(b)) return 'coffee';
  if (/dental|clinic|smile|health/.test(b)) return 'clinic';
  return 'store';
}

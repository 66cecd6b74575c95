/** What the page needs to show a panel in the currency of the notebook's data: the same rules as the notebook's figures. */
export { figureInCurrency } from "../charts/currency";
export { moneyText, setDisplayCurrency } from "../format";

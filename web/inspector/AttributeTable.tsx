import type { ReactNode } from 'react';

/** A name/value table (envelope attributes, call fields). `testId` marks each row for tests. */
export function AttributeTable({ rows, testId }: { rows: [string, ReactNode][]; testId: string }) {
  return (
    <table className="insp-table">
      <tbody>
        {rows.map(([name, value]) => (
          <tr key={name} data-testid={testId} data-name={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

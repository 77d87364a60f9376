namespace Talkover.Application.Abstractions;

/// <summary>Hashes staff passwords for storage and checks a presented one against a stored hash.</summary>
public interface IStaffPasswordHasher
{
    string Hash(string password);

    bool Verify(string passwordHash, string password);
}
